// recording-rate in JShell. Open from the project root, after `mvn package`:
//   jshell --class-path target/recording-rate-cli.jar --startup DEFAULT --startup PRINTING --startup examples/startup.jsh
import org.recordingrate.model.*;
import org.recordingrate.estimate.*;
import org.recordingrate.compare.*;
import org.recordingrate.reproduce.*;
import org.recordingrate.io.*;
import static org.recordingrate.shell.RecordingRate.*;
