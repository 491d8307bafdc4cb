#!/usr/bin/env bash
# A kiosk prints, it keeps nothing (issue 15): a registrant resumes their registration at
# the kiosk (registration status, OTP) and takes the appointment letter; it goes to the
# kiosk's printer through CUPS's lp and no file is left on the kiosk. A real CUPS with a
# PDF printer (cups-pdf) stands in for the office's printer: the printed PDF is read back.
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
# A registration made over the API, as the registrant's own phone would have.
otp_of() {  # otp_of PHONE SEEN: the code of the newest SMS once there are more than SEEN
  local list code
  for _ in $(seq 1 100); do
    list=$(curl -sf "$url/api/v1/dev/outbox?phone=$1")
    if [ "$(echo "$list" | jq length)" -gt "$2" ]; then echo "$list" | jq -r '.[0].text' | grep -oE '[0-9]{6}' | head -1; return; fi
    sleep 0.1
  done
  echo "no SMS to $1" >&2; exit 1
}
post() { curl -sf -H 'Content-Type: application/json' -d "$2" "$url$1"; }
phone=0812345678
otp_id=$(post /api/v1/otp "{\"phone\":\"$phone\",\"purpose\":\"registration\"}" | jq -r .otp_id)
token=$(post /api/v1/otp/verify "{\"otp_id\":\"$otp_id\",\"code\":\"$(otp_of $phone 0)\"}" | jq -r .otp_token)
reference=$(post /api/v1/registrations "{\"affiliation\":\"obec\",\"institution_code\":\"1010720001\",\"otp_token\":\"$token\",
  \"officer\":{\"title\":\"นาย\",\"first_name\":\"สมศักดิ์\",\"last_name\":\"รักเรียน\",\"national_id\":\"3101700203456\",
  \"position\":\"ครู\",\"phone\":\"$phone\"},\"legacy\":{}}" | jq -r .reference)
[ -n "$reference" ] && [ "$reference" != null ] || { echo "the registration over the API failed"; exit 1; }
curl -sf -H 'Content-Type: application/json' -d '{"advance_seconds":61}' "$url/api/v1/dev/clock" >/dev/null  # past the OTP cooldown

LPDEST="$printer" KIOSK_WAYS=register,registration_status KIOSK_OFFICE=4000000000 start_client --kiosk
wait_for_hook "$client_pid" '"home.status"' || { echo "no kiosk home screen"; cat "$work/client.log"; exit 1; }
done_typing() { click kiosk.office; }  # a tap beside the fields ends the editing: the keys go
click home.status
type_into reg.resume.code 1010720001
done_typing  # the next field may sit under the keys
type_into reg.resume.phone "$phone"
done_typing
seen=$(curl -sf "$url/api/v1/dev/outbox?phone=$phone" | jq length)
click reg.resume.otp.send
wait_for_hook "$client_pid" '"reg.resume.otp.code"' || { echo "no OTP field after sending"; cat "$work/hook.json"; exit 1; }
type_into reg.resume.otp.code "$(otp_of $phone "$seen")"
done_typing
click reg.resume.otp.verify
click reg.resume.submit
wait_for_hook "$client_pid" '"reg.letter"' || { echo "the resumed registration did not reach its letter"; cat "$work/hook.json"; exit 1; }
echo "1. resumed at the kiosk: registration status, code, phone, OTP from the outbox; at the letter step"

click reg.letter
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
echo "2. the letter went to the printer as job $job; the printed page's QR code is $reference"

# Nothing of it on the kiosk: no download, no file of the letter anywhere the client writes.
[ -z "$(ls -A "$work/downloads")" ] || { echo "the kiosk kept a download: $(ls "$work/downloads")"; exit 1; }
left=$(find "$work" /tmp -xdev -newer "$started_at" -name '*.pdf' 2>/dev/null | grep -v "^$out_dir" || true)
[ -z "$left" ] || { echo "a PDF was left on the kiosk: $left"; exit 1; }
echo "3. no file of the letter on the kiosk (downloads empty, no PDF written)"
