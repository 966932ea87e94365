#!/bin/sh
# Makes src/main/resources/org/recordingrate/shell/jshell-mode.txt, the feedback mode "rr" that
# JShellPreferences gives README's JShell session: JShell's normal mode, retained as JShell encodes
# retained modes (JDK 17 to 25 write the same), with its truncation field removed, so that JShell
# shows every value whole. Run from the project root with the JDK whose jshell is to be encoded:
#   sh src/main/jshell/make-jshell-mode.sh
set -eu
prefs=$(mktemp -d)
trap 'rm -rf "$prefs"' EXIT
printf '/set mode rr normal -command\n/set mode rr -retain\n/exit\n' \
    | jshell -q -J-Djava.util.prefs.userRoot="$prefs" > /dev/null
java -Djava.util.prefs.userRoot="$prefs" src/main/jshell/WriteMode.java \
    > src/main/resources/org/recordingrate/shell/jshell-mode.txt
echo "wrote src/main/resources/org/recordingrate/shell/jshell-mode.txt"
