# Report drafts a ministry can send (issue 15), sourced by tests/cli/run.sh: a plan with
# evaluations, activities, submissions and progress entries on both sides of 2024's end, and
# what each draft says about them, in Markdown and HTML.
rdb=$T/reports.db
"$BIN" --db "$rdb" init --demo >/dev/null 2>&1
q() { sqlite3 "$rdb" "$1"; }
unit_id() { q "SELECT id FROM unit WHERE code = '$1'"; }
# Progress: one entry inside 2024, one after its end (through the command, as a user would).
q "INSERT INTO progress_update (task_id, reported_on, percent, status, difficulties, proposals, created_by)
   SELECT id, '2024-11-10', 40, 'in_progress', 'KHO-KHAN-TRONG-KY', 'DE-XUAT-TRONG-KY', 'lan' FROM task WHERE code = 'II.1'"
run --db "$rdb" progress I.2 95 --date 2025-03-01 --note "SAU-KY"
expect "an update dated after 2024 is recorded" 0
q "INSERT INTO progress_update (task_id, reported_on, percent, status, difficulties, proposals, created_by)
   SELECT id, '2025-03-02', 95, 'in_progress', 'KHO-KHAN-SAU-KY', 'DE-XUAT-SAU-KY', 'lan' FROM task WHERE code = 'I.2'"
i2_2024=$(q "SELECT p.percent FROM progress_update p JOIN task t ON t.id = p.task_id WHERE t.code = 'I.2' AND reported_on <= '2024-12-31' ORDER BY reported_on DESC, p.id DESC LIMIT 1")
# A task that starts in 2026.
q "INSERT INTO task (code, title, lead_unit_id, start_date, due_date) VALUES ('IX.9', 'NHIEM-VU-2026', $(unit_id PC), '2026-01-01', '2027-06-30')"
# Two tasks without a group whose codes sort before and after the grouped ones, both overdue.
q "INSERT INTO task (code, title, lead_unit_id, start_date, due_date) VALUES
   ('0.1', 'KHONG-NHOM-1', $(unit_id PC), '2024-01-01', '2024-06-30'),
   ('Z.1', 'KHONG-NHOM-2', $(unit_id PC), '2024-01-01', '2024-06-30')"
# Evaluations of 2024: PC rated on every criterion, KHTC on none.
for c in a b c d; do
	q "INSERT INTO evaluation (period, unit_id, criterion_id, rating_id, comment, evidence, measure_id, measure_note)
	   SELECT '2024', $(unit_id PC), c.id, r.id, 'NHAN-XET-PC-$c', 'CHUNG-CU-PC-$c', m.id, 'so 7/BC'
	   FROM criterion c, vocab r, vocab m WHERE c.code = '$c' AND r.domain = 'rating' AND r.code = 'tot'
	   AND m.domain = 'measure' AND m.code = 'report'"
done
# Communication activities: one in 2024, one in 2026.
q "INSERT INTO activity (kind_id, unit_id, channel, date, title, reach, status)
   SELECT v.id, $(unit_id PC), 'newspaper', '2024-05-10', 'BAI-BAO-2024', '10.000 lượt đọc', 'done' FROM vocab v WHERE v.domain = 'activity_kind' AND v.code = 'announcement'"
q "INSERT INTO activity (kind_id, unit_id, channel, date, title, reach, status)
   SELECT v.id, $(unit_id XTTM), 'television', '2026-02-01', 'SU-KIEN-2026', '', 'planned' FROM vocab v WHERE v.domain = 'activity_kind' AND v.code = 'programme'"
# The annual report on 2023 (due 15/01/2024): PC on time, KHTC late, VTTTN only in 2025.
sub() {
	q "INSERT INTO submission (report_id, unit_id, submitted_on) SELECT r.id, $(unit_id "$1"), '$2'
	   FROM report r JOIN report_rule k ON k.id = r.rule_id WHERE k.code = 'annual' AND r.period = '2023'"
}
sub PC 2024-01-10
sub KHTC 2024-02-01
sub VTTTN 2025-02-01
# A conference of 2024 with conclusions.
q "INSERT INTO meeting (title, date, conclusions) VALUES ('HOI-NGHI-2024', '2024-09-01', 'KET-LUAN-HOI-NGHI-2024')"

run --db "$rdb" report annual 2024
expect "report annual 2024 on a plan with data on both sides of its end" 0
md=$T/annual-2024.md
cp "$out" "$md"
check "the draft says the day its figures are true for" contains "$md" "Figures as of 31/12/2024"
check "the after-the-end update is absent (no 95 %, no note)" sh -c '! grep -q "| I\.2 .* | 95 |$" "$1" && ! grep -q "SAU-KY" "$1"' _ "$md"
check "I.2 shows its percent as of 31/12/2024 ($i2_2024)" grep -q "^| I\.2 | .* | $i2_2024 |\$" "$md"
check "a task starting in 2026 is not in a 2024 draft" sh -c '! grep -q "IX.9" "$1"' _ "$md"
check "the difficulties inside the period are there" contains "$md" "KHO-KHAN-TRONG-KY"
check "each criterion's rating, comment, evidence and measure are there" \
	grep -q '^| PC Vụ Pháp chế | Tốt | NHAN-XET-PC-b | CHUNG-CU-PC-b | .* (so 7/BC) |$' "$md"
check "the summary table has PC's four ratings" grep -q '^| PC | Tốt | Tốt | Tốt | Tốt |$' "$md"
check "the units not yet evaluated are named" grep -q '^Units not yet evaluated for 2024: .*KHTC Vụ Kế hoạch – Tài chính' "$md"
check "Proposed adjustments gathers the d) comment, the period's proposals and the conference's conclusions" \
	sh -c 'sed -n "/^## Proposed adjustments/,\$p" "$1" | grep -q NHAN-XET-PC-d &&
	       sed -n "/^## Proposed adjustments/,\$p" "$1" | grep -q DE-XUAT-TRONG-KY &&
	       sed -n "/^## Proposed adjustments/,\$p" "$1" | grep -q KET-LUAN-HOI-NGHI-2024' _ "$md"
check "the activity of 2024 is listed with its channel, unit, reach and status" \
	grep -q '^| 10/05/2024 | Công bố, phổ biến .* | newspaper | PC | BAI-BAO-2024 | 10.000 lượt đọc | carried out |$' "$md"
check "activities are counted by kind" grep -q '^| Công bố, phổ biến trên phương tiện thông tin đại chúng | 1 |$' "$md"
check "an activity of 2026 is not in a 2024 draft" sh -c '! grep -q "SU-KIEN-2026" "$1"' _ "$md"
check "the reporting section names the unit on time" grep -q '^On time (1): PC Vụ Pháp chế$' "$md"
check "and the unit late, with its date" grep -q '^Late (1): KHTC Vụ Kế hoạch – Tài chính (01/02/2024)$' "$md"
check "and every unit that had not submitted by the end (VTTTN submitted only in 2025)" \
	grep -q '^Not submitted (8): VTTTN Vụ Thị trường trong nước; .*SCT-DN Sở Công Thương Đà Nẵng$' "$md"
check "the 'Tasks without a group' heading appears once, with both its tasks" \
	sh -c 'test "$(grep -c "^#### Tasks without a group" "$1")" -eq 1 &&
	       sed -n "/^#### Tasks without a group/,/^#/p" "$1" | grep -q KHONG-NHOM-1 &&
	       sed -n "/^#### Tasks without a group/,/^#/p" "$1" | grep -q KHONG-NHOM-2' _ "$md"
check "headings are English in an English draft (a)–d) through the catalogue)" \
	test "$(grep '^## [a-d])' "$md" | tr '\n' '|')" = "## a) Integration of the tasks|## b) Progress of the tasks|## c) Reaching the targets|## d) Difficulties, obstacles and proposals|"
check "only the tasks needing attention are listed by default" contains "$md" "### Tasks needing attention"

run --db "$rdb" report annual 2025
check "the 2025 draft does show the update of 2025" sh -c 'grep -q "^| I\.2 | .* | 95 |$" "$1" && grep -q KHO-KHAN-SAU-KY "$1"' _ "$out"
run --db "$rdb" report annual 2024 --all-tasks
expect "report annual 2024 --all-tasks" 0
check "--all-tasks lists the tasks of the period that need nothing too (PC's I.1, done)" grep -q '^| I\.1 | ' "$out"
check "--all-tasks says so" contains "$out" "### All tasks of the period"

run --db "$rdb" report annual 2024 --format html -o "$T/annual-2024.html"
expect "report annual 2024 --format html" 0
h=$T/annual-2024.html
check "the HTML draft is well-formed" xmllint --noout "$h"
check "the HTML draft has the ratings and comments" sh -c 'grep -q "<td>Tốt</td><td>NHAN-XET-PC-a</td>" "$1"' _ "$h"
check "the HTML draft names the late unit with its date" contains "$h" "KHTC Vụ Kế hoạch – Tài chính (01/02/2024)"
check "the HTML draft lists the activity" contains "$h" "<td>BAI-BAO-2024</td>"
check "the HTML draft leaves out the after-the-end update" sh -c '! grep -q "SAU-KY" "$1"' _ "$h"
check "each indicator chart has a title with the indicator's code and name" contains "$h" "<title>TMDT-TT Tỷ trọng thương mại điện tử"
check "the target band is labelled" contains "$h" ">target 10.5–11 in 2030</text>"
check "the submissions chart has a legend" grep -q '>not submitted: [0-9]*</text>' "$h"

run --db "$rdb" report midterm
expect "report midterm" 0
check "the mid-term draft shows the evaluation of its phase" contains "$out" "Evaluation summary 2021-2025"
run --db "$rdb" report final --format html -o "$T/final2.html"
check "the final draft is well-formed HTML" xmllint --noout "$T/final2.html"

# An ad-hoc request: who asked, what for, the units asked and what they sent.
q "INSERT INTO report (rule_id, period, title, due_date, units, requester, subject) VALUES
   (NULL, '2025', 'BAO-CAO-DOT-XUAT', '2025-11-30', 'PC,KHTC', 'Bộ trưởng', 'Tình hình chợ truyền thống')"
aid=$(q "SELECT id FROM report WHERE title = 'BAO-CAO-DOT-XUAT'")
q "INSERT INTO submission (report_id, unit_id, submitted_on) VALUES ($aid, $(unit_id PC), '2025-11-28')"
run --db "$rdb" report adhoc "$aid"
expect "report adhoc ID" 0
check "the ad-hoc draft names the request, requester and subject" \
	sh -c 'grep -q "^# Ad-hoc report: BAO-CAO-DOT-XUAT" "$1" && grep -q "Bộ trưởng" "$1" && grep -q "Tình hình chợ truyền thống" "$1"' _ "$out"
check "the ad-hoc draft says who sent it and who did not" \
	sh -c 'grep -q "^On time (1): PC Vụ Pháp chế$" "$1" && grep -q "^Not submitted (1): KHTC" "$1"' _ "$out"
check "the ad-hoc draft gives the facts of the units asked only" \
	sh -c 'grep -q "^| PC Vụ Pháp chế |" "$1" && ! grep -q "^| VTTTN Vụ" "$1"' _ "$out"
run --db "$rdb" report adhoc "$aid" --format html -o "$T/adhoc.html"
check "the ad-hoc HTML draft is well-formed" xmllint --noout "$T/adhoc.html"
run --db "$rdb" report adhoc 99999
expect "an unknown ad-hoc report is refused (1)" 1 "no ad-hoc report 99999"
run --db "$rdb" report adhoc abc
expect "an ad-hoc report's number must be a number (2)" 2 "expected the number of an ad-hoc report"

# The same draft in Vietnamese: the a)–d) headings and the sections from the catalogue.
printf '[ui]\nlanguage = vi\n' >"$T/vi.ini"
run -c "$T/vi.ini" --db "$rdb" report annual 2024
expect "report annual 2024 in Vietnamese" 0
check "the Vietnamese draft heads its contents in Vietnamese" \
	test "$(grep '^## [a-d])' "$out" | tr '\n' '|')" = "## a) Tích hợp nhiệm vụ|## b) Tiến độ nhiệm vụ|## c) Mức độ đạt mục tiêu|## d) Khó khăn, vướng mắc và đề xuất|"
check "the Vietnamese draft names the late unit" grep -q '^Muộn (1): KHTC Vụ Kế hoạch – Tài chính (01/02/2024)$' "$out"

# The official layout of a Vietnamese draft (Decree 30/2020/NĐ-CP): letterhead, number line,
# place and date, BÁO CÁO and its summary, Nơi nhận and the signature; blanks left as "…".
cat >"$T/official.ini" <<'INI'
[ui]
language = vi
[report]
issuer = BỘ CÔNG THƯƠNG
issuer_unit = VỤ THỊ TRƯỜNG TRONG NƯỚC
symbol = BCT-TTTN
place = Hà Nội
recipients = "Bộ trưởng (để b/c); Các Thứ trưởng"
signer_position = KT. BỘ TRƯỞNG
INI
run -c "$T/official.ini" --db "$rdb" report annual 2024
expect "report annual 2024 with [report] settings" 0
check "the governing body and the issuing unit head the draft" sh -c 'head -4 "$1" | grep -q "^BỘ CÔNG THƯƠNG" && head -4 "$1" | grep -q "VỤ THỊ TRƯỜNG TRONG NƯỚC"' _ "$out"
check "the number line carries the symbol, the number left blank" contains "$out" "Số: …/BC-BCT-TTTN"
check "the national title and the motto" sh -c 'grep -q "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "$1" && grep -q "Độc lập - Tự do - Hạnh phúc" "$1"' _ "$out"
check "place and date in italics, as the decree writes them" contains "$out" "*Hà Nội, ngày 20 tháng 12 năm 2025*"
check "the document type and its summary line" sh -c 'grep -q "^# BÁO CÁO$" "$1" && grep -q "^\*\*Báo cáo chuyên đề năm 2024\*\*$" "$1"' _ "$out"
check "Nơi nhận lists the recipients and the file copy" sh -c 'grep -q "^- Bộ trưởng (để b/c);" "$1" && grep -q "^- Các Thứ trưởng;" "$1" && grep -q "^- Lưu: VT.$" "$1"' _ "$out"
check "the signer's position, and the name left for the office (…)" sh -c 'grep -q "^\*\*KT. BỘ TRƯỞNG\*\*$" "$1" && tail -1 "$1" | grep -q "^\*\*…\*\*$"' _ "$out"
run -c "$T/official.ini" --db "$rdb" report annual 2024 --format html -o "$T/official.html"
check "the official HTML draft is well-formed" xmllint --noout "$T/official.html"
check "the official HTML has the letterhead and the decree's margins" sh -c 'grep -q "<table class=\"letterhead\">" "$1" && grep -q "margin: 20mm 15mm 20mm 30mm" "$1"' _ "$T/official.html"
check "the official HTML keeps the national title on one line (12 pt, no wrap; Chromium wrapped it)" \
	sh -c 'grep -q "\.nt { font-size: 12pt; white-space: nowrap; }" "$1" && grep -q "<div class=\"b nt\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>" "$1"' _ "$T/official.html"
check "an English draft keeps the plain layout" sh -c '! grep -q "CỘNG HÒA" "$1"' _ "$md"

# DOCX: a Word package whose parts parse, with the same content, read back by unzipping.
run --db "$rdb" report annual 2024 --format docx -o "$T/annual-2024.docx"
expect "report annual 2024 --format docx" 0
dx=$T/docx
mkdir -p "$dx" && (cd "$dx" && unzip -q -o "$T/annual-2024.docx")
check "the package has its six parts" sh -c 'cd "$1" && test -f "[Content_Types].xml" -a -f _rels/.rels -a -f word/_rels/document.xml.rels -a -f word/document.xml -a -f word/styles.xml -a -f word/footer1.xml' _ "$dx"
check "every part is well-formed XML" sh -c 'cd "$1" && xmllint --noout "[Content_Types].xml" _rels/.rels word/_rels/document.xml.rels word/document.xml word/styles.xml word/footer1.xml' _ "$dx"
w=$dx/word/document.xml
check "the DOCX has real headings and tables" sh -c 'grep -q "<w:pStyle w:val=\"Heading2\"/>" "$1" && grep -q "<w:tbl>" "$1"' _ "$w"
check "the DOCX has the ratings and comments" grep -q "NHAN-XET-PC-b" "$w"
check "the DOCX names the late unit with its date" contains "$w" "KHTC Vụ Kế hoạch – Tài chính (01/02/2024)"
check "the DOCX lists the activity" contains "$w" "BAI-BAO-2024"
check "the DOCX leaves out the after-the-end update" sh -c '! grep -q "SAU-KY" "$1"' _ "$w"
check "the DOCX is A4 with page numbers in its footer" sh -c 'grep -q "w:pgSz w:w=\"11906\" w:h=\"16838\"" "$1" && grep -q " PAGE " "$2"' _ "$w" "$dx/word/footer1.xml"
run -c "$T/official.ini" --db "$rdb" report annual 2024 --format docx -o "$T/official.docx"
check "the official DOCX has the letterhead, the decree's margins and Nơi nhận" \
	sh -c 'unzip -p "$1" word/document.xml | grep -q "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" &&
	       unzip -p "$1" word/document.xml | grep -q "w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\"" &&
	       unzip -p "$1" word/document.xml | grep -q "Nơi nhận:"' _ "$T/official.docx"
run --db "$rdb" report annual 2024 --format pdf
expect "an unknown draft format is a usage error (2)" 2 "expected md, html or docx"
check "a DOCX reader (python3-docx) opens it: headings, the tables, A4 with the decree's margins" \
	/usr/bin/python3 -c '
import sys, docx
d = docx.Document(sys.argv[1])
heads = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
assert "a) Tích hợp nhiệm vụ" in heads, heads
assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in d.tables[0].rows[0].cells[1].text
s = d.sections[0]
assert round(s.page_width.mm) == 210 and round(s.left_margin.mm) == 30 and round(s.right_margin.mm) == 15
' "$T/official.docx"

# The indicator charts in the DOCX: one PNG each in word/media, a relationship and an inline
# drawing for each, PNG declared in the content types.
check "the DOCX carries each indicator's chart as a PNG, related and drawn inline" \
	/usr/bin/python3 -c '
import re, struct, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
media = sorted(n for n in z.namelist() if n.startswith("word/media/"))
assert len(media) >= 1, z.namelist()
doc = z.read("word/document.xml").decode()
rels = z.read("word/_rels/document.xml.rels").decode()
assert "Extension=\"png\" ContentType=\"image/png\"" in z.read("[Content_Types].xml").decode()
embeds = re.findall(r"<a:blip r:embed=\"([^\"]+)\"", doc)
assert len(embeds) == len(media) == doc.count("<wp:inline "), (embeds, media)
for i, name in enumerate(media, 1):
    png = z.read(name)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR", name
    w, h = struct.unpack(">II", png[16:24])
    assert (w, h) == (1280, 424), (name, w, h)
    assert re.search(r"Id=\"rIdChart%d\" Type=\"[^\"]*/relationships/image\" Target=\"media/chart%d.png\"" % (i, i), rels), rels
    assert "rIdChart%d" % i in embeds
assert "<pic:pic>" in doc and "TMDT-TT" in doc
' "$T/official.docx"

# LibreOffice opens the DOCX without repair: it converts the Vietnamese annual draft (official
# layout, evaluations, charts) to PDF, whose text has the letterhead and a unit's rating.
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	lo=$T/lo
	mkdir -p "$lo/pdf"
	timeout 120 soffice -env:UserInstallation=file://$lo/profile --headless --norestore \
		--convert-to pdf --outdir "$lo/pdf" "$T/official.docx" >"$lo/log" 2>&1
	pdf=$lo/pdf/official.pdf
	if test -f "$pdf" && test "$(stat -c %s "$pdf")" -gt 20000; then
		ok "LibreOffice converts the DOCX to a PDF"
	else
		not_ok "LibreOffice converts the DOCX to a PDF" "soffice said: $(head -c 600 "$lo/log")"
	fi
	pdftotext -layout "$pdf" "$lo/text" 2>/dev/null
	check "the PDF has BÁO CÁO and the national title on one line" \
		sh -c 'grep -q "^ *BÁO CÁO$" "$1" && grep -q "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$" "$1"' _ "$lo/text"
	check "the PDF has PC's ratings in the summary table and its comment" \
		sh -c 'grep -q "^ *PC  *Tốt  *Tốt  *Tốt  *Tốt *$" "$1" && grep -q "NHAN-XET-PC-a" "$1"' _ "$lo/text"
	check "the PDF has the charts as images" sh -c 'test "$(pdfimages -list "$1" | tail -n +3 | wc -l)" -ge 1' _ "$pdf"
else
	ok "LibreOffice opens the DOCX: skipped, soffice or pdftotext is not installed"
fi
