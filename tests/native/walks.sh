#!/usr/bin/env bash
# The native client's walks (issue 15) under Xvfb against the real server, with real X input
# (xdotool) at the widget tree's coordinates, as tests/browser does them in Chromium:
#  1-8. a school registers from the home page: affiliation, institution, legacy usernames,
#       holder (a wrong check digit shown inline), the OTP from the dev outbox, the letter
#       downloaded and read by pdftotext, the signed JPG chosen in the file dialog (zenity's
#       GTK chooser, its title the picker's label; a first one cancelled with Escape chose
#       nothing) and uploaded;
#  9.   the area's reviewer signs in in the same window and approves it;
#  10.  the activation link opened in the client, a password, and signing in with it;
#  11.  a school reports on a KPI the area set up over the API: evidence (the file dialog
#       again), a self score, saved and confirmed.
# Each outcome is checked in the server's database and the widget tree.
# Saves artifacts/native-walk-*.png. CLIENT and SERVER override the binaries. Needs zenity.
set -euo pipefail
# The forms are taller than SDL's 1024x720 window: it is made 1024x1100 on a screen tall
# enough to hold it where it was put (see fit_window).
XVFB_SIZE=1024x1480
source "$(dirname "$0")/harness.sh"
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || { echo "poppler-utils is missing"; exit 1; }
command -v zenity >/dev/null || { echo "zenity is missing (scripts/setup-deps.sh installs it)"; exit 1; }
command -v xdg-open >/dev/null || { echo "xdg-open is missing (xdg-utils)"; exit 1; }
# The desktop's viewer for PDFs, as xdg-open finds it: here one that writes down what it was
# asked to open (a desktop's own viewer is outside the product).
export XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/xdg/applications"
mkdir -p "$XDG_CONFIG_HOME"
printf '#!/bin/sh\necho "$1" >> "%s/opened"\n' "$work" > "$work/xdg/viewer.sh"
chmod +x "$work/xdg/viewer.sh"
printf '[Desktop Entry]\nType=Application\nName=Viewer\nExec=%s %%f\nMimeType=application/pdf;\n' "$work/xdg/viewer.sh" \
  > "$XDG_CONFIG_HOME/walk-viewer.desktop"
printf '[Default Applications]\napplication/pdf=walk-viewer.desktop\n' > "$XDG_CONFIG_HOME/mimeapps.list"
start_server
db() { sqlite3 "$work/data/school.db" "$1"; }
password() { curl -sf "$url/api/v1/dev/accounts" | jq -r --arg u "$1" '.[] | select(.username == $u) | .password'; }

fail() {
  echo "FAILED: $1"
  import -window root artifacts/native-walk-failed.png 2>/dev/null || true
  echo "--- the last frame's widgets (id kind value):"
  python3 - "$work/hook.json" <<'PY' || true
import json, sys
for w in json.load(open(sys.argv[1]))["widgets"]:
    print(" ", w["id"], w["kind"], repr(w["value"])[:60], int(w["x"]), int(w["y"]), "active" if w["active"] else "")
PY
  echo "--- client log:"; tail -n 15 "$work/client.log"
  echo "--- server log:"; tail -n 15 "$work/server.log"
  exit 1
}
# expect ID VALUE [WHAT]: waits (15 s at most) until the widget shows VALUE
expect() {
  for _ in $(seq 1 150); do [ "$(value_of "$1" 2>/dev/null)" = "$2" ] && return 0; sleep 0.1; done
  fail "${3:-$1}: expected \"$2\", the widget shows \"$(value_of "$1" 2>/dev/null)\""
}
shows() { wait_for_hook "$client_pid" "\"$1\"" || fail "${2:-no widget $1}"; }
gone() {
  for _ in $(seq 1 150); do absent "\"$1\"" && return 0; sleep 0.1; done
  fail "${2:-$1 is still shown}"
}
# db_is SQL VALUE WHAT: waits (10 s at most) until the query answers VALUE
db_is() {
  for _ in $(seq 1 100); do [ "$(db "$1")" = "$2" ] && return 0; sleep 0.1; done
  fail "$3: expected \"$2\" in the database, found \"$(db "$1")\" ($1)"
}
key() { xdotool key --delay 60 "$@"; sleep 0.3; }
shot() { sleep 0.4; import -window "$window" "artifacts/native-walk-$1.png"; }

# SDL places its 1024x720 window in the middle of the screen. It is resized, not moved:
# moved by xdotool with no window manager, SDL keeps the old position and ImGui reads the
# pointer that far off. Clicks add the window's origin to the hook's coordinates.
fit_window() {
  window=$(xdotool search --pid "$client_pid" --onlyvisible --name . | head -1)
  [ -n "$window" ] || fail "no client window"
  xdotool windowsize "$window" 1024 1100
  eval "$(xdotool getwindowgeometry --shell "$window")"
  origin_x=$X origin_y=$Y
  for _ in $(seq 1 50); do [ "$(xdotool getwindowgeometry "$window" | grep -c 1024x1100)" = 1 ] && break; sleep 0.1; done
  sleep 0.5
}
open_client() {  # open_client [ROUTE]: a fresh client in a 1024x1100 window, its first screen drawn
  [ -n "${client_pid:-}" ] && { kill "$client_pid" 2>/dev/null || true; wait "$client_pid" 2>/dev/null || true; }
  start_client "$@"
  wait_for_hook "$client_pid" '"lang.th"' || fail "the client did not come up"
  fit_window
}
# replace_into ID TEXT: what the field holds selected (Ctrl held across frames: ImGui 1.86
# reads modifiers from SDL's state) and deleted, then TEXT typed
replace_into() {
  type_into "$1" ""
  for _ in 1 2 3; do
    xdotool keydown ctrl; sleep 0.1; xdotool key a; sleep 0.1; xdotool keyup ctrl
    key BackSpace
    [ -z "$(value_of "$1")" ] && break
  done
  [ -z "$(value_of "$1")" ] || fail "$1 could not be emptied: $(value_of "$1")"
  type_text "$2"
}
# The file dialog: zenity's window, mapped (10 s at most); none left.
dialog_window() {
  local found
  for _ in $(seq 1 100); do
    found=$(xdotool search --onlyvisible --class zenity 2>/dev/null | head -1 || true)
    [ -n "$found" ] && { echo "$found"; return 0; }
    sleep 0.1
  done
  return 1
}
dialog_gone() {
  for _ in $(seq 1 100); do
    [ -z "$(xdotool search --onlyvisible --class zenity 2>/dev/null || true)" ] && return 0
    sleep 0.1
  done
  fail "${1:-the file dialog} is still up"
}
# open_dialog PICKER: its button clicked; sets $dialog, given the keys (there is no window
# manager to do it), its title checked against the picker's label (the user's language)
open_dialog() {
  shows "$1"
  absent "\"$1.path\"" || fail "$1 is a path field, not a file dialog"
  [ "$(field_of "$1" kind)" = file ] || fail "$1 is no file picker"
  click "$1"
  dialog=$(dialog_window) || fail "$1 opened no file dialog"
  xdotool windowfocus --sync "$dialog"
  sleep 0.5  # GTK lists the folder before it takes keys
  local title; title=$(xdotool getwindowname "$dialog")
  [ "$title" = "$(field_of "$1" label)" ] || fail "$1: the dialog's title is \"$title\", the picker says \"$(field_of "$1" label)\""
}
# choose_file PICKER PATH: the path typed into GTK's location bar (Ctrl+L) and opened
choose_file() {
  open_dialog "$1"
  key ctrl+l
  type_text "$2"
  key Return
  dialog_gone "the file dialog for $2"
  xdotool windowfocus "$window"  # back to the client, as a window manager would
}
sign_in() {  # sign_in USER PASSWORD: from the sign-in screen (it may remember the last user)
  replace_into signin.username "$1"
  type_into signin.password "$2"
  click signin.submit
  gone signin.submit "signing in as $1 did not leave the sign-in screen"
}
started=$(date +%s)

# 1. From the home page to the registration; no affiliation is refused inline.
open_client
click home.register
expect reg.steps 1 "the registration's first step"
click reg.next
shows reg.affiliation.error "next with no affiliation was not refused"
click reg.affiliation.obec
expect reg.affiliation.obec selected
click reg.next
expect reg.steps 2
echo "1. home -> registration; next with no affiliation refused inline; OBEC chosen"

# 2. The institution by name and province (typed in Thai with real key events).
type_into reg.name 'หนองบัว'
expect reg.name 'หนองบัว' "the Thai name typed"
type_into reg.province 'ขอนแก่น'
click reg.find_name
shows reg.result.1010720001 "the search found no 1010720001"
click reg.result.1010720001
expect reg.result.1010720001 selected
click reg.next
expect reg.steps 3
echo "2. found หนองบัว in ขอนแก่น by name and province, chose 1010720001"

# 3. Legacy username, kept back and forth.
type_into reg.tsl tsl_nongbua
click reg.back
expect reg.steps 2
click reg.next
expect reg.tsl tsl_nongbua "the legacy username after back and next"
click reg.next
expect reg.steps 4
echo "3. legacy username typed, kept through back and next"

# 4. The holder; a wrong check digit shown as typed, corrected with Backspace.
type_into reg.title 'นางสาว'
type_into reg.first_name 'สมหญิง'
type_into reg.last_name 'ใจดี'
type_into reg.national_id 1101700203451
expect reg.national_id.error national_id_checksum "a wrong check digit"
key BackSpace
type_text 0
gone reg.national_id.error "the corrected national ID is still refused"
type_into reg.position 'ครู'
type_into reg.phone 0812345678
expect reg.phone 0812345678
click reg.next
expect reg.steps 5
echo "4. holder typed; check digit 1 refused inline, Backspace and 0 accepted"

# 5. The OTP the server sent (the development outbox).
otp=$(otp_for 0812345678)
[ -n "$otp" ] || fail "5: no OTP in the outbox for 0812345678"
type_into reg.otp "$otp"
click reg.verify
expect reg.steps 6 "5: the step after the OTP"
db_is "SELECT status || ' ' || tsl_username || ' ' || first_name FROM registrations WHERE institution_code = '1010720001'" \
  "awaiting_letter tsl_nongbua สมหญิง" "5: the registration"
echo "5. OTP $otp from the outbox; registration stored: awaiting_letter, tsl_nongbua, สมหญิง"

# 6. The letter, downloaded where the client saves downloads.
click reg.letter
letter="$work/downloads/letter-1010720001.pdf"
for _ in $(seq 1 100); do [ -s "$letter" ] && break; sleep 0.1; done
[ -s "$letter" ] || fail "6: no letter in $work/downloads: $(ls "$work/downloads")"
text=$(pdftotext -layout "$letter" -)
grep -q 'นางสาวสมหญิง ใจดี' <<<"$text" || fail "6: the letter does not name the holder: $text"
grep -q 1010720001 <<<"$text" || fail "6: the letter does not carry the code"
# The banner names where it went, and opens it in the desktop's viewer.
expect download.saved "$letter" "6: the saved letter's banner"
shot letter
click download.open
for _ in $(seq 1 50); do [ -s "$work/opened" ] && break; sleep 0.1; done
[ "$(cat "$work/opened" 2>/dev/null)" = "$letter" ] || fail "6: \"open\" did not hand the letter to the viewer: $(cat "$work/opened" 2>/dev/null)"
click download.dismiss
gone download.saved "6: the banner stayed after dismissing it"
click reg.next
expect reg.steps 7
echo "6. letter downloaded ($(stat -c %s "$letter") bytes), pdftotext reads นางสาวสมหญิง ใจดี and 1010720001; the banner's open handed it to the desktop's viewer"

# 7. Signed: its first page as a JPG with a blue stroke, loaded by its path and uploaded.
pdftoppm -jpeg -r 72 -f 1 -l 1 -singlefile "$letter" "$work/page"
convert "$work/page.jpg" -fill none -stroke '#1a3cc8' -strokewidth 4 -draw 'bezier 330,640 380,600 420,680 470,620' "$work/signed.jpg"
expect reg.upload.username 1010720001 "7: the username filled in"
expect reg.upload.national_id 1101700203450 "7: the national ID filled in"
open_dialog reg.file  # Escape: nothing chosen, the client goes on
import -window root artifacts/native-walk-file-dialog.png
key Escape
dialog_gone "7: the file dialog after Escape"
xdotool windowfocus "$window"
expect reg.file "" "7: a cancelled file dialog chose nothing"
choose_file reg.file "$work/signed.jpg"
expect reg.file signed.jpg "7: the chosen file"
click reg.upload
expect reg.steps 8 "7: the step after the upload"
shot registration-status
db_is "SELECT status || ' ' || letter_type FROM registrations WHERE institution_code = '1010720001'" \
  "under_review image/jpeg" "7: the uploaded letter"
db_is "SELECT letter_bytes > 0 FROM registrations WHERE institution_code = '1010720001'" 1 "7: the letter's size"
echo "7-8. a file dialog cancelled with Escape chose nothing; signed.jpg chosen in the next (typed into GTK's location bar) and uploaded; status screen; stored: under_review, image/jpeg"

# 9. The area's reviewer, in the same window: home, sign in, the desk's card, approve.
click app.home
click home.signin
sign_in area.reviewer "$(password area.reviewer)"
click desk.registrations_review
reg_id=$(db "SELECT id FROM registrations WHERE institution_code = '1010720001'")
shows "rev.row.$reg_id" "9: the registration is not in the reviewer's queue"
click "rev.row.$reg_id"
# The letter as the server re-encoded it (it keeps no uploaded bytes as they came): same page.
page_size=$(identify -format '%wx%h' "$work/signed.jpg")
expect rev.letter "$page_size" "9: the letter's image next to the record"
shot review
click rev.approve
shows confirm "9: approving asked nothing"
click confirm.yes
gone confirm "9: the confirmation stayed"
db_is "SELECT status FROM registrations WHERE institution_code = '1010720001'" approved "9: the approval"
click app.signout
shows home.signin "9: signing out did not lead home"
echo "9. area.reviewer signed in, opened the registration from the desk, saw the $page_size letter, approved: stored approved"

# 10. The activation link from the SMS, opened in the client; a password; signing in with it.
link=$(curl -sf "$url/api/v1/dev/outbox?phone=0812345678" | jq -r '.[0].text' | grep -oE '#/activate/[A-Za-z0-9_-]+' | head -1)
[ -n "$link" ] || fail "10: no activation link in the outbox"
open_client "$link"  # as the desktop opens the link: the route on the command line
type_into activate.password Baan-Nong-Bua-Kru-7
type_into activate.confirm Baan-Nong-Bua-Kru-7
click activate.submit
click activate.signin
expect signin.username 1010720001 "10: the username on the sign-in screen"
type_into signin.password Baan-Nong-Bua-Kru-7
click signin.submit
shows app.signout "10: signing in with the new password failed"
db_is "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = '1010720001'" 1 "10: the session"
shot activated
click app.signout
echo "10. activation link opened, password set, signed in as 1010720001 with it (1 session)"

# 11. A KPI report. The area's set-up over the API, as tests/browser does: a KPI of this fiscal
# year (the school's list opens on it) with its first half open to 1040010002.
csrf=$(curl -sf -c "$work/jar" -H 'Content-Type: application/json' \
  -d "{\"username\":\"area.kpi\",\"password\":\"$(password area.kpi)\"}" "$url/api/v1/auth/login" | jq -r .csrf_token)
as_area() { curl -sf -b "$work/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -X "$1" -d "$3" "$url$2"; }
year=$(( $(date +%Y) + 543 + ($(date +%-m) >= 10 ? 1 : 0) ))
kpi=$(as_area POST /api/v1/kpi "{\"year\":$year,\"number\":\"2\",\"name\":\"ร้อยละของนักเรียนที่อ่านออกเขียนได้\",
  \"description\":\"ผลการประเมินการอ่าน\",\"type\":\"score_1_5\",\"criteria\":[2,3,4,5],\"owner_group\":\"กลุ่มนิเทศ\",
  \"cadence\":\"half_year\",\"open_periods\":[\"h1\"],\"status\":\"open\"}" | jq -r .id)
[ -n "$kpi" ] && [ "$kpi" != null ] || fail "11: the KPI could not be set up over the API"
as_area PUT "/api/v1/kpi/$kpi/periods/h1/units" '{"unit_codes":["1040010002"]}' >/dev/null || fail "11: no units for the KPI"
report="FROM kpi_reports WHERE kpi_id = $kpi AND period = 'h1' AND unit_code = '1040010002'"

# The school, in the same window: sign in from home, the desk's card, the KPI's first half.
click home.signin
sign_in 1040010002 "$(password 1040010002)"
click desk.kpi_report
click "school.$kpi.h1.open"
expect report.status waiting_submit "11: the report's state before anything is sent"
# Evidence from the file dialog, kept as soon as it is uploaded; its description; a score out of
# range refused as typed, then corrected.
convert -size 200x120 xc:'#48c' "$work/reading.jpg"
choose_file report.file "$work/reading.jpg"
shows report.files.0.undescribed "11: the uploaded file is not listed as needing a description"
expect report.save saved "11: the file kept"
type_into report.files.0.description 'ผลการทดสอบการอ่าน'
type_into report.score 7
expect report.score.error score_range "11: a score of 7 on a 1-5 KPI"
key BackSpace
type_text 4
gone report.score.error "11: the score 4 is still refused"
expect report.save saved "11: the draft saved"
db_is "SELECT status || ' ' || self_score $report" "draft 400" "11: the draft"  # in hundredths
shot kpi-draft
click report.confirm
expect report.status waiting_review "11: the report after confirming"
db_is "SELECT status || ' ' || self_score $report" "waiting_review 400" "11: the confirmed report"
db_is "SELECT description FROM kpi_report_files WHERE kpi_id = $kpi AND unit_code = '1040010002'" 'ผลการทดสอบการอ่าน' \
  "11: the evidence"
shot kpi-confirmed
echo "11. 1040010002 signed in, reported on KPI $kpi ($year h1): evidence kept and described, score 7 refused inline, 4 saved, confirmed: stored waiting_review 4"
echo "native walks passed in $(( $(date +%s) - started )) s"
