#!/usr/bin/env bash
# The native client as a kiosk (issue 15), under Xvfb against the real server, driven with
# real X input events (xdotool) at the coordinates of the client's widget tree:
#  1. full screen, the strip with the office and "finish"; only the ways in it offers;
#  2. a value typed into the registration-status form; the idle countdown shows, a touch
#     keeps it; left alone, the kiosk resets: the value is gone from the widget tree;
#  3. a school signs in through the UI; "finish" signs out on the server (its session row
#     is gone, so the old cookie reads nothing) and the client starts afresh at home;
#  4. the operator's exit: five taps in the corner, a wrong PIN refused, the right one ends it.
# Saves artifacts/native-kiosk-*.png. CLIENT and SERVER override the binaries.
set -euo pipefail
XVFB_SIZE=1366x768  # a common kiosk touch screen; the window must fill it
source "$(dirname "$0")/harness.sh"
start_server
idle=9  # the countdown is its last third: 3 s
KIOSK_IDLE_SECONDS=$idle KIOSK_WAYS=register,registration_status,kpi,stats KIOSK_OFFICE=4000000000 KIOSK_EXIT_PIN=2468 \
  start_client --kiosk

# 1. Full screen, the strip, the offered ways only.
wait_for_hook "$client_pid" '"home.signin"' || { echo "1: no home screen"; exit 1; }
wait_for_hook "$client_pid" '"kiosk.finish"' || { echo "1: no kiosk strip"; exit 1; }
geometry=$(xdotool search --pid "$client_pid" --onlyvisible --name . getwindowgeometry 2>/dev/null | grep Geometry | head -1)
[[ "$geometry" == *"1366x768"* ]] || { echo "1: the kiosk is not full screen: $geometry"; exit 1; }
for way in home.register home.status home.stats; do grep -q "\"$way\"" "$work/hook.json" || { echo "1: $way missing"; exit 1; }; done
absent '"home.access"' || { echo "1: the kiosk offers a way it was not given (access request)"; exit 1; }
grep -q '4000000000' "$work/hook.json" || { echo "1: the strip does not name the office"; exit 1; }
# The on-screen keyboard: Thai for a name search, its keys type into the field.
click home.search
wait_for_hook "$client_pid" '"osk.ก"' || { echo "1: no Thai on-screen keyboard for the search field"; exit 1; }
click osk.ก
[ "$(value_of home.search)" = "ก" ] || { echo "1: the on-screen ก did not reach the field: $(value_of home.search)"; exit 1; }
click osk.backspace
[ "$(value_of home.search)" = "" ] || { echo "1: the on-screen delete did not delete"; exit 1; }
echo "1. full screen 1366x768, strip with office and finish, ways: register, status, sign in, stats (no access request); Thai on-screen keys type and delete"

# 2. Typed, kept by a touch in the countdown, then reset when left alone.
click home.status
typed=1040010001
click reg.resume.code
wait_for_hook "$client_pid" '"osk.backspace"' || { echo "2: no on-screen keyboard"; exit 1; }
grep -q '"osk.q"' "$work/hook.json" && { echo "2: a code field got letters, not the digit pad"; exit 1; }
import -window root artifacts/native-kiosk-keyboard.png
for d in $(echo "${typed}9" | grep -o .); do click "osk.$d"; done
click osk.backspace
[ "$(value_of reg.resume.code)" = "$typed" ] || { echo "2: typing did not reach the field"; exit 1; }
wait_for_hook "$client_pid" '"kiosk.countdown"' || { echo "2: no countdown before the reset"; cat "$work/hook.json"; cat "$work/client.log"; exit 1; }
import -window root artifacts/native-kiosk-countdown.png
click kiosk.continue
sleep 1
absent '"kiosk.countdown"' || { echo "2: a touch did not stop the countdown"; exit 1; }
[ "$(value_of reg.resume.code)" = "$typed" ] || { echo "2: the touch lost the form"; exit 1; }
started=$(date +%s)
for _ in $(seq 1 200); do
  if grep -q '"home.signin"' "$work/hook.json" 2>/dev/null && absent "$typed"; then break; fi
  sleep 0.1
done
grep -q '"home.signin"' "$work/hook.json" && absent "$typed" || { echo "2: no reset after $idle s idle"; exit 1; }
kill -0 "$client_pid" || { echo "2: the client died instead of starting afresh"; cat "$work/client.log"; exit 1; }
# Nor in any file the client writes (its settings, downloads, log), only in the server's.
left=$(grep -rl --exclude-dir=data --exclude=server.log "$typed" "$work" 2>/dev/null || true)
[ -z "$left" ] || { echo "2: the typed code is still in the client's files: $left"; exit 1; }
echo "2. typed on the on-screen digit pad (and deleted with its key); countdown shown and stopped by a touch; left alone, reset after ~$(( $(date +%s) - started )) s: the typed code is gone from the widget tree and the client's files"

# 3. Signed in, then "finish": the server session is gone, the client is at home again.
sessions() { sqlite3 "$work/data/school.db" "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = '1010720001'"; }
click home.signin
type_into signin.username 1010720001
click osk.next  # the password field may sit under the keyboard: its "next" key goes there
wait_for_hook "$client_pid" '"active":true,"h":[0-9.]*,"id":"signin.password"' || { echo "3: next did not reach the password"; exit 1; }
type_text Nong-Bua-School-Demo-1
click osk.enter  # the on-screen keyboard's Enter sends the form, as a physical one would
for _ in $(seq 1 100); do [ "$(sessions)" = 1 ] && break; sleep 0.1; done
[ "$(sessions)" = 1 ] || { echo "3: signing in through the kiosk made no session"; cat "$work/server.log" | tail -5; exit 1; }
wait_for_hook "$client_pid" '"kiosk.finish"'
sleep 1
import -window root artifacts/native-kiosk-signed-in.png
click kiosk.finish
for _ in $(seq 1 100); do [ "$(sessions)" = 0 ] && break; sleep 0.1; done
[ "$(sessions)" = 0 ] || { echo "3: finish left the session alive on the server"; exit 1; }
wait_for_hook "$client_pid" '"home.signin"' || { echo "3: not back at home after finish"; exit 1; }
absent '1010720001' || { echo "3: the username is still in the widget tree"; exit 1; }
echo "3. signed in through the UI; finish signed out on the server (0 sessions left) and started afresh"

# 4. The operator's exit.
for _ in 1 2 3 4 5; do xdotool mousemove 8 8 click 1; sleep 0.15; done
wait_for_hook "$client_pid" '"kiosk.pin.ok"' || { echo "4: five corner taps did not ask for the PIN"; exit 1; }
for d in 1 3 5 7; do click "kiosk.pin.$d"; done
click kiosk.pin.ok
wait_for_hook "$client_pid" '"kiosk.pin.wrong"' || { echo "4: a wrong PIN was not refused"; exit 1; }
kill -0 "$client_pid" || { echo "4: a wrong PIN ended the kiosk"; exit 1; }
for d in 2 4 6 8; do click "kiosk.pin.$d"; done
[ "$(value_of kiosk.pin.value)" = "****" ] || { echo "4: the digit pad took $(value_of kiosk.pin.value) for 4 digits"; exit 1; }
xdotool mousemove $(centre kiosk.pin.ok) click 1
for _ in $(seq 1 50); do kill -0 "$client_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$client_pid" 2>/dev/null; then echo "4: the right PIN did not end the kiosk"; cat "$work/hook.json"; exit 1; fi
wait "$client_pid" && rc=0 || rc=$?
[ "$rc" = 0 ] || { echo "4: the kiosk ended with exit code $rc"; cat "$work/client.log"; exit 1; }
echo "4. five corner taps ask for the PIN; a wrong one refused; the right one ends the kiosk (exit 0)"
