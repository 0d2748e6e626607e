namespace SaaSMdm.DeviceSim.Enrollment;

/// <summary>The device refuses to go on with an enrollment: a bad profile, a SCEP refusal, a CA it cannot trust.</summary>
public sealed class EnrollmentException : Exception
{
    public EnrollmentException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
