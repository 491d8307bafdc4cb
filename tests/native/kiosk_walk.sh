#!/usr/bin/env bash
# A kiosk, as a teacher without a computer uses it (issue 15): the whole registration from
# the kiosk's home screen with taps and the on-screen keyboard only (Thai names on the
# Kedmanee keys, the ID, phone and OTP on the digit pad; no physical key is pressed), then
# the appointment letter, which a kiosk prints instead of keeping: it goes to the kiosk's
# printer through CUPS's lp and no file is left on the kiosk. A real CUPS with a PDF printer
# (cups-pdf) stands in for the office's printer; the printed page is read back. The upload
# step's file picker stays the path field: a kiosk opens no file dialog on its disk.
set -euo pipefail
XVFB_SIZE=1366x768
source "$(dirname "$0")/harness.sh"
for tool in lp lpadmin cupsd pdftoppm zbarimg jq; do command -v "$tool" >/dev/null || { echo "$tool is missing (scripts/setup-deps.sh installs it)"; exit 1; }; done
[ -f /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd ] || { echo "printer-driver-cups-pdf is missing"; exit 1; }

# CUPS: the scheduler if it is not running, and a PDF printer of this test's own.
printer="school-kiosk-test-$$"
pgrep -x cupsd >/dev/null || cupsd
for _ in $(seq 1 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.1; done
lpadmin -p "$printer" -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd -E 2>/dev/null
trap 'lpadmin -x "$printer" 2>/dev/null || true; cleanup' EXIT
out_dir="$HOME/PDF"  # cups-pdf's "Out ${HOME}/PDF" for the job's owner (this user)
mkdir -p "$out_dir"
before=$(ls "$out_dir" | wc -l)
started_at="$work/started"; touch "$started_at"

start_server
db() { sqlite3 "$work/data/school.db" "$1"; }
phone=0812345678
LPDEST="$printer" KIOSK_WAYS=register,registration_status KIOSK_OFFICE=4000000000 start_client --kiosk
wait_for_hook "$client_pid" '"home.register"' || { echo "no kiosk home screen"; cat "$work/client.log"; exit 1; }

fail() { echo "FAILED: $1"; import -window root artifacts/native-kiosk-walk-failed.png 2>/dev/null || true; tail -n 5 "$work/client.log"; exit 1; }
step_is() {  # step_is N: the wizard shows step N (10 s at most)
  for _ in $(seq 1 100); do [ "$(value_of reg.steps)" = "$1" ] && return 0; sleep 0.1; done
  fail "expected step $1, the wizard is at $(value_of reg.steps)"
}
# tap_keys ID TEXT: the field tapped, then each character tapped on the on-screen keyboard
# (Shift first for an upper sign); the keys are left open.
tap_keys() {
  done_typing  # the last field's keys may cover this one
  tap "$1"
  wait_for_hook "$client_pid" '"osk.backspace"' || fail "no on-screen keyboard for $1"
  local c
  while IFS= read -r c; do
    if ! grep -q "\"osk.$c\"" "$work/hook.json"; then click osk.shift; fi
    click "osk.$c"
  done < <(python3 -c 'import sys; print("\n".join(sys.argv[1]))' "$2")
  [ "$(value_of "$1")" = "$2" ] || fail "$1 holds \"$(value_of "$1")\" after tapping \"$2\""
}
# A tap on the empty top bar: the field lets go, the keys go, buttons under them show.
done_typing() { xdotool mousemove 700 95 click 1; sleep 0.4; }
# tap ID: scrolled into the screen first (the wheel, as a finger's swipe would), then tapped.
screen_h=${XVFB_SIZE#*x}
tap() {
  wait_for_hook "$client_pid" "\"$1\"" || fail "no widget $1"
  # A pointer move draws fresh frames: after a step changes, the widget tree may still hold
  # the last step's places (the same id, elsewhere) until something is drawn again.
  xdotool mousemove 683 110; sleep 0.4
  local y h
  for _ in $(seq 1 30); do
    read -r y h < <(python3 - "$work/hook.json" "$1" <<'PY'
import json, sys
w = next(w for w in json.load(open(sys.argv[1]))["widgets"] if w["id"] == sys.argv[2])
print(int(w["y"]), int(w["h"]))
PY
)
    if [ $((y + h)) -gt $((screen_h - 10)) ]; then xdotool mousemove 683 500 click 5; sleep 0.3
    elif [ "$y" -lt 130 ]; then xdotool mousemove 683 500 click 4; sleep 0.3
    else break; fi
  done
  click "$1"
}

# 1-3. Affiliation, the school by its code, no legacy usernames.
click home.register
step_is 1
tap reg.affiliation.obec
tap reg.next
step_is 2
tap_keys reg.code 1010720001
done_typing
tap reg.find_code
tap reg.result.1010720001
tap reg.next
step_is 3
tap reg.next
step_is 4
echo "1-3. kiosk home -> registration: OBEC, school 1010720001 found by its code tapped on the digit pad"

# 4. The account holder, Thai on the Kedmanee keys (ู of ครู is an upper sign: Shift).
tap_keys reg.title 'นาย'
tap_keys reg.first_name 'สมชาย'
tap_keys reg.last_name 'ใจดี'
tap_keys reg.national_id 3101700203456
tap_keys reg.position 'ครู'
tap_keys reg.phone "$phone"
done_typing
import -window root artifacts/native-kiosk-walk-holder.png
tap reg.next
step_is 5
echo "4. holder tapped in: นาย สมชาย ใจดี, ครู, ID and phone on the digit pad"

# 5. The OTP from the development outbox, tapped on the digit pad.
otp=$(otp_for $phone)
[ -n "$otp" ] || fail "no OTP in the outbox for $phone"
tap_keys reg.otp "$otp"
done_typing
tap reg.verify
step_is 6
[ "$(db "SELECT status || ' ' || first_name || ' ' || last_name FROM registrations WHERE institution_code = '1010720001'")" = \
  "awaiting_letter สมชาย ใจดี" ] || fail "the registration is not stored as typed"
reference=$(db "SELECT reference FROM registrations WHERE institution_code = '1010720001'")
echo "5. OTP tapped; stored: awaiting_letter สมชาย ใจดี ($reference)"

tap reg.letter
wait_for_hook "$client_pid" '"kiosk.printed"' || { echo "the letter was not printed"; cat "$work/hook.json"; tail -5 "$work/client.log"; exit 1; }
import -window root artifacts/native-kiosk-printed.png
job=$(value_of kiosk.printed)
# Done when CUPS lists the job as completed (cups-pdf has then written its file).
for _ in $(seq 1 150); do lpstat -W completed -o "$printer" 2>/dev/null | grep -q "^$job " && break; sleep 0.2; done
printed=$(ls -t "$out_dir"/*.pdf 2>/dev/null | head -1)
[ -n "$printed" ] && [ "$(ls "$out_dir" | wc -l)" -gt "$before" ] || { echo "nothing came out of the printer (job $job)"; lpstat -W completed -o "$printer"; exit 1; }
# The printer's PDF is Ghostscript's redrawing (no text left to read): the letter's QR code,
# which carries the registration's reference, is read from the printed page instead.
pdftoppm -r 150 -gray -f 1 -l 1 -png "$printed" "$work/printed"
qr=$(zbarimg -q --raw "$work/printed-1.png" 2>/dev/null | head -1)
[ "$qr" = "$reference" ] || { echo "the printed page is not the letter of $reference (its QR code says \"$qr\")"; exit 1; }
cp "$work/printed-1.png" artifacts/native-kiosk-printed-letter.png
rm -f "$printed"
echo "6. the letter went to the printer as job $job; the printed page's QR code is $reference"

# Nothing of it on the kiosk: no download, no file of the letter anywhere the client writes.
[ -z "$(ls -A "$work/downloads")" ] || { echo "the kiosk kept a download: $(ls "$work/downloads")"; exit 1; }
left=$(find "$work" /tmp -xdev -newer "$started_at" -name '*.pdf' 2>/dev/null | grep -v "^$out_dir" || true)
[ -z "$left" ] || { echo "a PDF was left on the kiosk: $left"; exit 1; }
echo "7. no file of the letter on the kiosk (downloads empty, no PDF written)"

# The upload step: no file dialog (zenity) for the public to browse the kiosk's disk with;
# the picker is the path field, its button reads that field and opens nothing.
tap reg.next
step_is 7
grep -q '"reg.file.path"' "$work/hook.json" || fail "the kiosk's file picker is not the path field"
tap reg.file
sleep 1
[ -z "$(xdotool search --onlyvisible --class zenity 2>/dev/null || true)" ] || fail "a file dialog opened on the kiosk"
kill -0 "$client_pid" || fail "the kiosk ended at the upload step"
echo "8. the upload step's file picker is the path field; tapping it opened no file dialog$(command -v zenity >/dev/null || echo ' (zenity is not installed here)')"
