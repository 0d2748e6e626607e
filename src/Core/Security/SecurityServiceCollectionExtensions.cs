using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace SaaSMdm.Core.Security;

public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddCoreSecrets(this IServiceCollection services, KeyRingOptions keyRing)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("SaaSMdm.Core");
        if (!string.IsNullOrEmpty(keyRing.KeyEncryptionCertificatePath))
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(keyRing.KeyEncryptionCertificatePath, keyRing.KeyEncryptionCertificatePassword));
        }

        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DatabaseXmlRepository(scopes));
        services.AddSingleton<SecretProtector>();
        return services;
    }
}
