# Issue 18: the import's bulk path (more than 1,000 rows: triggers and, into an empty task
# table, indexes set aside while it writes). A bad row anywhere, the last one too, still
# refuses the whole file, and the database comes out as it was, schema and all (the guard
# compares its .dump: every trigger and index is there again).

# rows N LAST: a header and N good tasks B.1..B.N (a third with cooperating units), then LAST.
rows() {
	{
		printf 'code,title,lead,coop,start,due\n'
		for i in $(seq "$1"); do
			printf 'B.%d,Nhiệm vụ số %d,PC,%s,2026-01-01,2026-12-31\n' "$i" "$i" "$([ $((i % 3)) = 0 ] && echo '"KHTC, PC"')"
		done
		printf '%s\n' "$2"
	} >"$W/exports/t.csv"
	guard "$W/exports/t.csv"
}

fresh
rows 1500 'B.1501,Cuối,NOPE,,,'
bad "import: 1,500 good rows and an unknown unit last write nothing" 1 "t.csv:1502: lead unit NOPE does not exist" \
	import tasks "$W/exports/t.csv"
fresh
rows 1500 'B.7,Lần nữa,PC,,,'
bad "import: a code twice, 1,500 rows apart, writes nothing" 1 "t.csv:1502: task B.7 comes twice in the file" \
	import tasks "$W/exports/t.csv"
fresh
rows 1500 'I.1,Có rồi,PC,,,'
bad "import: a code the database has, after 1,500 good rows" 1 "t.csv:1502: task I.1 exists already" \
	import tasks "$W/exports/t.csv"
# Into a database without tasks: the path that drops and rebuilds the indexes.
fresh
"$BIN" --db "$W/empty.db" init >/dev/null 2>&1
guard "$W/empty.db"
rows 1500 'B.1501,Cuối,PC,,2026-01-01,31/13/2026'
bad "import: into an empty task table, a bad date last writes nothing" 1 "t.csv:1502: due: expected a date" \
	--db "$W/empty.db" import tasks "$W/exports/t.csv"
