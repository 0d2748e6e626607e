using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SaaSMdm.Core.Data;
using SaaSMdm.Core.Data.Entities;
using SaaSMdm.Core.Enrollments;
using SaaSMdm.TestHosts;

namespace SaaSMdm.DeviceList.Bench;

/// <summary>
/// Writes a fleet straight into Core's database, in batches through the DbContext: devices of every platform with
/// varied names, serials, OS versions, enrollment and check-in times; some checked out or pending; some with pending
/// commands and some with a declaration reported invalid. Seeded randomness, so runs compare.
/// </summary>
internal sealed class FleetSeeder(TestDatabase database, Guid tenantId)
{
    private const int BatchSize = 5_000;
    private const double PendingCommandShare = 0.05;
    private const double FailingDeclarationShare = 0.02;

    private static readonly string[] People = ["Anna", "Ben", "Chloé", "Dmitri", "Eva", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lea", "Mateo", "Nora", "Omar", "Priya"];

    private static readonly (string ProductName, string ModelName, string[] Versions, int Weight)[] Models =
    [
        ("iPhone15,2", "iPhone", ["17.4.1", "17.5", "18.0", "18.1", "16.7.8"], 30),
        ("iPhone16,1", "iPhone", ["17.5", "18.0", "18.1"], 20),
        ("iPad13,4", "iPad Pro", ["17.4.1", "17.5", "18.1"], 15),
        ("iPad14,1", "iPad mini", ["18.0", "18.1"], 10),
        ("Mac14,2", "MacBook Air", ["14.4.1", "14.5", "15.0"], 12),
        ("MacBookPro18,1", "MacBook Pro", ["13.6.6", "14.5", "15.1"], 8),
        ("AppleTV14,1", "Apple TV", ["17.4", "18.0"], 3),
        ("RealityDevice14,1", "Apple Vision Pro", ["1.1", "2.0"], 1),
        ("Watch7,1", "Apple Watch", ["10.4", "11.0"], 1),
    ];

    private readonly Random _random = new(20261125);
    private readonly DateTime _now = DateTime.UtcNow;

    public async Task SeedAsync(int count, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var totalWeight = Models.Sum(m => m.Weight);
        for (var first = 0; first < count; first += BatchSize)
        {
            await using var db = BenchDatabase.Context(database, tenantId);
            var devices = Enumerable.Range(first, Math.Min(BatchSize, count - first)).Select(index => Device(index, totalWeight)).ToList();
            db.Enrollments.AddRange(devices);
            foreach (var device in devices.Where(d => d.State == EnrollmentState.Enrolled))
            {
                if (_random.NextDouble() < PendingCommandShare)
                {
                    QueueCommands(db, device, _random.Next(1, 4));
                }

                if (_random.NextDouble() < FailingDeclarationShare)
                {
                    db.DeclarationStatuses.Add(FailingStatus(device));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            var done = first + devices.Count;
            Console.WriteLine($"    seeded {done:N0} of {count:N0} devices ({done / started.Elapsed.TotalSeconds:N0}/s)");
        }
    }

    private EnrollmentEntity Device(int index, int totalWeight)
    {
        var model = PickModel(_random.Next(totalWeight));
        var udid = Guid.NewGuid().ToString("D").ToUpperInvariant();
        var authenticated = Micro(_now.AddMinutes(-_random.Next(2 * 365 * 24 * 60)));
        var state = _random.Next(100) switch { < 2 => EnrollmentState.CheckedOut, < 3 => EnrollmentState.Pending, _ => EnrollmentState.Enrolled };
        return new EnrollmentEntity
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            ChannelId = udid,
            Kind = EnrollmentKind.Device,
            State = state,
            Udid = udid,
            SerialNumber = Serial(),
            DeviceName = $"{People[_random.Next(People.Length)]}'s {model.ModelName} {index % 1000}",
            Model = model.ProductName,
            ModelName = model.ModelName,
            ProductName = model.ProductName,
            Platform = DevicePlatforms.From(model.ProductName, model.ProductName),
            OsVersion = model.Versions[_random.Next(model.Versions.Length)],
            BuildVersion = "21E236",
            Topic = "com.apple.mgmt.External.bench",
            AuthenticatedAt = authenticated,
            EnrolledAt = state == EnrollmentState.Pending ? null : authenticated.AddMinutes(1),
            CheckedOutAt = state == EnrollmentState.CheckedOut ? authenticated.AddDays(1) : null,
            LastSeenAt = _random.Next(100) < 3 ? null : Micro(_now.AddMinutes(-_random.Next(60 * 24 * 60))),
            TokenUpdateCount = 1,
        };
    }

    private (string ProductName, string ModelName, string[] Versions, int Weight) PickModel(int ticket)
    {
        foreach (var model in Models)
        {
            if ((ticket -= model.Weight) < 0)
            {
                return model;
            }
        }

        return Models[^1];
    }

    private string Serial() => string.Create(12, _random, (chars, random) =>
    {
        const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }
    });

    private void QueueCommands(CoreDbContext db, EnrollmentEntity device, int commands)
    {
        for (var sequence = 1; sequence <= commands; sequence++)
        {
            var id = Guid.NewGuid().ToString("D").ToUpperInvariant();
            db.Commands.Add(new CommandEntity { Id = id, TenantId = tenantId, RequestType = "DeviceInformation", Plist = [], CreatedAt = _now });
            db.CommandQueue.Add(new QueuedCommandEntity { EnrollmentId = device.Id, CommandId = id, TenantId = tenantId, Sequence = sequence, QueuedAt = _now });
        }
    }

    private DeclarationStatusEntity FailingStatus(EnrollmentEntity device) => new()
    {
        EnrollmentId = device.Id,
        TenantId = tenantId,
        Identifier = "com.example.bench.passcode",
        Category = "configuration",
        Valid = "invalid",
        ServerToken = "bench",
        ReasonsJson = """[{"code":"Error.ConfigurationCannotBeApplied"}]""",
        ReportedAt = _now,
    };

    private static DateTime Micro(DateTime time) => new(time.Ticks - time.Ticks % 10, DateTimeKind.Utc);
}
