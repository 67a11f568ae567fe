# Long text and short names (issue 17): an indicator's short_name is checked as every plan key
# is (plan_case and plan_variant come from 20-plan-csv-ini.sh).
plan_case "a short_name that is not UTF-8 is refused" 2 "not valid UTF-8; save the file as UTF-8" \
	'/^\[indicator.tmbl-growth\]/,/^\[/{s/^short_name = .*/short_name = T\xe1ng/}'
plan_case "a short_name set twice is named" 2 "[indicator.tmbl-growth] short_name is set twice" \
	'/^\[indicator.tmbl-growth\]/,/^\[/{/^short_name/p}'
plan_case "a misspelt short_name (shortname) is an unknown key" 2 \
	"[indicator.tmbl-growth] shortname: unknown key" \
	'/^\[indicator.tmbl-growth\]/,/^\[/{s/^short_name/shortname/}'
