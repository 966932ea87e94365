// recording-rate in JShell. Open from the project root, after `mvn package` (README's command):
//   jshell -J--class-path=target/recording-rate-cli.jar -J-Djava.util.prefs.PreferencesFactory=org.recordingrate.shell.JShellPreferences --class-path target/recording-rate-cli.jar --startup DEFAULT --startup PRINTING --startup examples/startup.jsh
// The two -J options give the session a feedback mode that never cuts a result short (JShell's
// normal mode cuts new variables at 80 characters; see org.recordingrate.shell.JShellPreferences).
// Type help() for the verbs, methods() for every method's token.
import org.recordingrate.model.*;
import org.recordingrate.estimate.*;
import org.recordingrate.compare.*;
import org.recordingrate.reproduce.*;
import org.recordingrate.io.*;
import org.recordingrate.trend.*;
import org.recordingrate.posterior.*;
import static org.recordingrate.shell.RecordingRate.*;
