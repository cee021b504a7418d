namespace Samverka.Features.Funding.ActivityGrant;

/// Whether a person on an attendance row took part or led the session.
public enum AttendanceRole { Participant = 1, Leader = 2 }

/// One checked row of an attendance file: a person (by pseudonymous code, never a name) at one session of one
/// organisation. Line is the row's line in the file, so anything said about the row can point back to it.
public sealed record AttendanceRow(
    int Line,
    string OrganisationNumber,
    string SessionId,
    DateOnly Date,
    TimeOnly Start,
    int Minutes,
    string ParticipantCode,
    int BirthYear,
    AttendanceRole Role);

/// Something said about a file or one of its rows: a resource key ("Funding.Activity.Csv.…") and the arguments of its
/// message, with the line it concerns (1 is the header).
public sealed record AttendanceProblem(int Line, string Key, params object[] Arguments);
