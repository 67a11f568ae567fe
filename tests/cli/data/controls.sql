-- Control characters in every free-text column of the demo database (tests/cli/controls.sh):
-- ESC ] 0 ; title BEL, ESC [2J, CR, C1 CSI (U+009B)
CREATE TEMP TABLE bad(s TEXT);
INSERT INTO bad VALUES (char(27) || ']0;pwn' || char(7) || char(27) || '[2J' || char(13) || 'X' || char(155) || '1m' || char(127));
UPDATE task SET title = title || (SELECT s FROM bad), description = description || (SELECT s FROM bad), output = output || (SELECT s FROM bad), integrated_doc = integrated_doc || (SELECT s FROM bad);
UPDATE unit SET name = name || (SELECT s FROM bad);
UPDATE app_user SET name = name || (SELECT s FROM bad);
UPDATE phase SET name = name || (SELECT s FROM bad);
UPDATE plan SET title = title || (SELECT s FROM bad);
UPDATE progress_update SET done = done || (SELECT s FROM bad), difficulties = difficulties || (SELECT s FROM bad), proposals = proposals || (SELECT s FROM bad), reason = coalesce(reason, '') || (SELECT s FROM bad);
UPDATE evaluation SET comment = comment || (SELECT s FROM bad), evidence = evidence || (SELECT s FROM bad), measure_note = measure_note || (SELECT s FROM bad);
UPDATE report SET title = title || (SELECT s FROM bad), requester = coalesce(requester, '') || (SELECT s FROM bad), subject = coalesce(subject, '') || (SELECT s FROM bad);
UPDATE report_rule SET title = title || (SELECT s FROM bad);
UPDATE submission SET doc_number = doc_number || (SELECT s FROM bad), note = note || (SELECT s FROM bad);
UPDATE indicator SET name = name || (SELECT s FROM bad), measure_unit = measure_unit || (SELECT s FROM bad), source = source || (SELECT s FROM bad);
UPDATE indicator_value SET note = note || (SELECT s FROM bad);
UPDATE activity SET title = title || (SELECT s FROM bad), reach = reach || (SELECT s FROM bad), progress_note = progress_note || (SELECT s FROM bad);
UPDATE inspection SET scope = scope || (SELECT s FROM bad), findings = findings || (SELECT s FROM bad), recommendations = recommendations || (SELECT s FROM bad);
UPDATE meeting SET title = title || (SELECT s FROM bad), place = place || (SELECT s FROM bad), chair = chair || (SELECT s FROM bad), agenda = agenda || (SELECT s FROM bad), conclusions = conclusions || (SELECT s FROM bad);
UPDATE audit_log SET new_values = json_set(coalesce(new_values, '{}'), '$.note', (SELECT s FROM bad)) WHERE json_valid(coalesce(new_values, '{}'));
INSERT INTO evaluation (period, unit_id, criterion_id, comment, evidence, measure_note) VALUES ('2025', 1, 1, 'C' || (SELECT s FROM bad), 'E' || (SELECT s FROM bad), 'M' || (SELECT s FROM bad));
INSERT INTO inspection (kind, date, scope, findings, recommendations) VALUES ('inspection', '2025-06-01', 'S' || (SELECT s FROM bad), 'F' || (SELECT s FROM bad), 'R' || (SELECT s FROM bad));
INSERT INTO inspection_unit VALUES (last_insert_rowid(), 1);
INSERT INTO activity (unit_id, channel, date, title, reach, progress_note) VALUES (1, 'press', '2025-05-01', 'A' || (SELECT s FROM bad), 'R' || (SELECT s FROM bad), 'N' || (SELECT s FROM bad));
INSERT INTO audit_log (login, tbl, row_id, action, old_values, new_values) VALUES ('admin', 'task', 1, 'update', json_object('title', 'old' || (SELECT s FROM bad)), json_object('title', 'new' || (SELECT s FROM bad)));
