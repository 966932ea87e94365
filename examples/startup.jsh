// recording-rate in JShell. Open from the project root, after `mvn package` (README's command):
//   jshell -J--class-path=target/recording-rate-cli.jar -J-Djava.util.prefs.PreferencesFactory=org.recordingrate.shell.JShellPreferences -J--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED --class-path target/recording-rate-cli.jar --startup DEFAULT --startup PRINTING --startup examples/startup.jsh
// The -J options give the session a feedback mode that never cuts a result short and the library's
// documentation on Shift-Tab (see org.recordingrate.shell.JShellPreferences).
// Type help() for the verbs, help("compare") for one, methods() for every method's token.
// Every type a result or an example names is imported here: nothing else to import.
import org.recordingrate.model.*;
import org.recordingrate.error.*;
import org.recordingrate.estimate.*;
import org.recordingrate.compare.*;
import org.recordingrate.reproduce.*;
import org.recordingrate.resample.*;
import org.recordingrate.plan.*;
import org.recordingrate.select.*;
import org.recordingrate.forces.*;
import org.recordingrate.coverage.*;
import org.recordingrate.report.*;
import org.recordingrate.io.*;
import org.recordingrate.trend.*;
import org.recordingrate.posterior.*;
import static org.recordingrate.shell.RecordingRate.*;
