using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.TestHosts;

/// <summary>Devices written straight to Core's database, as the device side leaves them after Authenticate and TokenUpdate.</summary>
public static class TestDevices
{
    /// <summary>Enrolled iPhones with push tokens; a higher index authenticated later (is newer).</summary>
    public static async Task<List<EnrollmentEntity>> SeedAsync(
        IServiceProvider services, string tenantId, int count, string? topic = null, Action<EnrollmentEntity, int>? shape = null)
    {
        var tenant = Guid.Parse(tenantId);
        var start = DateTime.UtcNow.AddDays(-30);
        var devices = Enumerable.Range(0, count).Select(i =>
        {
            var udid = Guid.NewGuid().ToString("D").ToUpperInvariant();
            var device = new EnrollmentEntity
            {
                Id = Guid.NewGuid(),
                TenantId = tenant,
                ChannelId = udid,
                Kind = EnrollmentKind.Device,
                State = EnrollmentState.Enrolled,
                Udid = udid,
                SerialNumber = "SN" + RandomNumberGenerator.GetHexString(10),
                DeviceName = $"Device {i}",
                Model = "iPhone15,2",
                ModelName = "iPhone",
                ProductName = "iPhone15,2",
                Platform = DevicePlatform.IOS,
                OsVersion = "17.4.1",
                BuildVersion = "21E236",
                Topic = topic ?? "com.apple.mgmt.External.unset",
                PushToken = RandomNumberGenerator.GetBytes(32),
                PushMagic = Guid.NewGuid().ToString("D").ToUpperInvariant(),
                AuthenticatedAt = Micro(start.AddSeconds(i)),
                EnrolledAt = Micro(start.AddSeconds(i + 1)),
                LastSeenAt = Micro(DateTime.UtcNow.AddMinutes(-5)),
                TokenUpdateCount = 1,
            };
            shape?.Invoke(device, i);
            return device;
        }).ToList();

        await using var scope = TenantScope(services, tenantId);
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        db.Enrollments.AddRange(devices);
        await db.SaveChangesAsync();
        return devices;
    }

    /// <summary>An enrolled macOS user channel under <paramref name="device"/>.</summary>
    public static async Task<EnrollmentEntity> SeedUserChannelAsync(IServiceProvider services, string tenantId, EnrollmentEntity device)
    {
        var user = new EnrollmentEntity
        {
            Id = Guid.NewGuid(),
            TenantId = device.TenantId,
            ChannelId = device.ChannelId + ":" + Guid.NewGuid().ToString("D").ToUpperInvariant(),
            Kind = EnrollmentKind.User,
            ParentId = device.Id,
            State = EnrollmentState.Enrolled,
            UserShortName = "ann",
            AuthenticatedAt = device.AuthenticatedAt,
        };
        await using var scope = TenantScope(services, tenantId);
        var db = scope.ServiceProvider.GetRequiredService<CoreDbContext>();
        db.Enrollments.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>Services of a request that acts for the tenant.</summary>
    public static AsyncServiceScope TenantScope(IServiceProvider services, string tenantId)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(Guid.Parse(tenantId));
        return scope;
    }

    /// <summary>A time at the precision both databases keep.</summary>
    public static DateTime Micro(DateTime time) => new(time.Ticks - time.Ticks % 10, DateTimeKind.Utc);
}
