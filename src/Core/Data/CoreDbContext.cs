using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SaaSMdm.Core.Data.Entities;

namespace SaaSMdm.Core.Data;

/// <summary>
/// Core's database. The model is provider-neutral (SQLite and PostgreSQL run the same migrations):
/// snake_case names, UTC timestamps, GUID keys, no provider-specific column types. Tenant-owned rows
/// are filtered to the request's tenant in every query, and a write for another tenant is refused.
/// People are ASP.NET Core Identity users in the same database, so an account and its roles change in one transaction.
/// </summary>
public sealed class CoreDbContext(DbContextOptions<CoreDbContext> options, TenantContext tenant) : IdentityUserContext<PersonEntity, Guid>(options)
{
    public DbSet<TenantEntity> Tenants => Set<TenantEntity>();

    public DbSet<CertificateAuthorityEntity> CertificateAuthorities => Set<CertificateAuthorityEntity>();

    public DbSet<PushCertificateEntity> PushCertificates => Set<PushCertificateEntity>();

    public DbSet<PushCertificateRequestEntity> PushCertificateRequests => Set<PushCertificateRequestEntity>();

    public DbSet<EnrollmentTokenEntity> EnrollmentTokens => Set<EnrollmentTokenEntity>();

    public DbSet<ScepChallengeEntity> ScepChallenges => Set<ScepChallengeEntity>();

    public DbSet<EnrollmentEntity> Enrollments => Set<EnrollmentEntity>();

    public DbSet<InventorySnapshotEntity> InventorySnapshots => Set<InventorySnapshotEntity>();

    public DbSet<CommandEntity> Commands => Set<CommandEntity>();

    public DbSet<QueuedCommandEntity> CommandQueue => Set<QueuedCommandEntity>();

    public DbSet<CommandResultEntity> CommandResults => Set<CommandResultEntity>();

    public DbSet<DeclarationEntity> Declarations => Set<DeclarationEntity>();

    public DbSet<DeclarationSetEntity> DeclarationSets => Set<DeclarationSetEntity>();

    public DbSet<DeclarationSetMemberEntity> DeclarationSetMembers => Set<DeclarationSetMemberEntity>();

    public DbSet<DeviceGroupEntity> DeviceGroups => Set<DeviceGroupEntity>();

    public DbSet<DeviceGroupMemberEntity> DeviceGroupMembers => Set<DeviceGroupMemberEntity>();

    public DbSet<EnrollmentSetAssignmentEntity> EnrollmentSetAssignments => Set<EnrollmentSetAssignmentEntity>();

    public DbSet<GroupSetAssignmentEntity> GroupSetAssignments => Set<GroupSetAssignmentEntity>();

    public DbSet<DeclarativeStateEntity> DeclarativeStates => Set<DeclarativeStateEntity>();

    public DbSet<DeclarationStatusEntity> DeclarationStatuses => Set<DeclarationStatusEntity>();

    public DbSet<StatusReportEntity> StatusReports => Set<StatusReportEntity>();

    public DbSet<ManagementPropertyEntity> ManagementProperties => Set<ManagementPropertyEntity>();

    public DbSet<AssetDataEntity> AssetData => Set<AssetDataEntity>();

    public DbSet<DataProtectionKeyEntity> DataProtectionKeys => Set<DataProtectionKeyEntity>();

    public DbSet<MspOrganizationEntity> MspOrganizations => Set<MspOrganizationEntity>();

    public DbSet<TenantMembershipEntity> TenantMemberships => Set<TenantMembershipEntity>();

    public DbSet<MspMembershipEntity> MspMemberships => Set<MspMembershipEntity>();

    public DbSet<ApiClientEntity> ApiClients => Set<ApiClientEntity>();

    public DbSet<RefreshTokenEntity> RefreshTokens => Set<RefreshTokenEntity>();

    public DbSet<SigningKeyEntity> SigningKeys => Set<SigningKeyEntity>();

    public DbSet<AuditEntryEntity> AuditEntries => Set<AuditEntryEntity>();

    public DbSet<EventEntity> Events => Set<EventEntity>();

    public DbSet<WebhookEntity> Webhooks => Set<WebhookEntity>();

    public DbSet<WebhookDeliveryEntity> WebhookDeliveries => Set<WebhookDeliveryEntity>();

    public DbSet<WebhookAttemptEntity> WebhookAttempts => Set<WebhookAttemptEntity>();

    public DbSet<PushCertificateNoticeEntity> PushCertificateNotices => Set<PushCertificateNoticeEntity>();

    /// <summary>The tenant queries are scoped to; <see cref="Guid.Empty"/> (no tenant) matches no tenant-owned row.</summary>
    private Guid CurrentTenantId => tenant.TenantId;

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenantWrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenantWrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands timestamps back without a kind; everything stored is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ConfigureAccounts(modelBuilder);

        modelBuilder.Entity<TenantEntity>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.HasKey(t => t.Id);
            tenant.Property(t => t.Slug).HasMaxLength(63);
            tenant.Property(t => t.DisplayName).HasMaxLength(200);
            tenant.HasIndex(t => t.Slug).IsUnique();
            tenant.HasIndex(t => t.MspOrganizationId);
        });

        modelBuilder.Entity<CertificateAuthorityEntity>(ca =>
        {
            ca.ToTable("certificate_authorities");
            ca.HasKey(c => c.TenantId);
            ca.HasQueryFilter(c => c.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<PushCertificateEntity>(push =>
        {
            push.ToTable("push_certificates");
            push.HasKey(p => p.TenantId);
            push.HasIndex(p => p.Topic);
            push.HasQueryFilter(p => p.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<PushCertificateRequestEntity>(request =>
        {
            request.ToTable("push_certificate_requests");
            request.HasKey(r => r.TenantId);
            request.HasQueryFilter(r => r.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<EnrollmentTokenEntity>(token =>
        {
            token.ToTable("enrollment_tokens");
            token.HasKey(t => t.Id);
            token.Property(t => t.SecretHash).HasMaxLength(64);
            token.Property(t => t.Label).HasMaxLength(200);
            token.HasIndex(t => t.SecretHash).IsUnique();
            token.HasIndex(t => t.TenantId);
            token.HasQueryFilter(t => t.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<ScepChallengeEntity>(challenge =>
        {
            challenge.ToTable("scep_challenges");
            challenge.HasKey(c => c.Id);
            challenge.Property(c => c.ChallengeHash).HasMaxLength(64);
            challenge.HasIndex(c => c.ChallengeHash).IsUnique();
            challenge.HasIndex(c => c.ExpiresAt);
            challenge.HasQueryFilter(c => c.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<EnrollmentEntity>(enrollment =>
        {
            enrollment.ToTable("enrollments");
            enrollment.HasKey(e => e.Id);
            enrollment.Property(e => e.ChannelId).HasMaxLength(512);
            enrollment.Property(e => e.IdentityCertificateSha256).HasMaxLength(64);
            enrollment.HasIndex(e => new { e.TenantId, e.ChannelId }).IsUnique();
            // One per order of ListDevices; kind and state trail so its filters, counts and skips read the index alone.
            // The default order's also carries the grid's filter columns and the name order's the serial number, so a
            // search or filtered page of either, and a search's count, never read rows (see DeviceSearchIndexes).
            enrollment.HasIndex(e => new { e.TenantId, e.AuthenticatedAt, e.ChannelId, e.Kind, e.State, e.Platform, e.OsVersion, e.LastSeenAt, e.DeviceName, e.SerialNumber })
                .HasDatabaseName(Migrations.DeviceSearchIndexes.EnrolledOrder);
            enrollment.HasIndex(e => new { e.TenantId, e.DeviceName, e.ChannelId, e.Kind, e.State, e.SerialNumber })
                .HasDatabaseName(Migrations.DeviceSearchIndexes.NameOrder);
            enrollment.HasIndex(e => new { e.TenantId, e.SerialNumber, e.ChannelId, e.Kind, e.State });
            enrollment.HasIndex(e => new { e.TenantId, e.OsVersion, e.ChannelId, e.Kind, e.State });
            enrollment.HasIndex(e => new { e.TenantId, e.Model, e.ChannelId, e.Kind, e.State });
            enrollment.HasIndex(e => new { e.TenantId, e.LastSeenAt, e.ChannelId, e.Kind, e.State });
            enrollment.HasIndex(e => new { e.TenantId, e.Platform, e.Kind, e.State, e.OsVersion });
            enrollment.HasIndex(e => new { e.TenantId, e.EnrolledAt, e.Kind, e.State });
            enrollment.HasIndex(e => new { e.TenantId, e.IdentityCertificateSha256 }).IsUnique();
            enrollment.HasIndex(e => e.ParentId);
            enrollment.HasQueryFilter(e => e.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<InventorySnapshotEntity>(snapshot =>
        {
            snapshot.ToTable("inventory_snapshots");
            snapshot.HasKey(s => new { s.EnrollmentId, s.Kind });
            snapshot.Property(s => s.Kind).HasMaxLength(64);
            snapshot.HasQueryFilter(s => s.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<CommandEntity>(command =>
        {
            command.ToTable("commands");
            command.HasKey(c => c.Id);
            command.Property(c => c.Id).HasMaxLength(64);
            command.Property(c => c.RequestType).HasMaxLength(128);
            command.HasIndex(c => new { c.TenantId, c.CreatedAt });
            command.HasIndex(c => c.CreatedAt);
            command.HasQueryFilter(c => c.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<QueuedCommandEntity>(queued =>
        {
            queued.ToTable("command_queue");
            queued.HasKey(q => new { q.EnrollmentId, q.CommandId });
            queued.Property(q => q.CommandId).HasMaxLength(64);
            queued.HasIndex(q => new { q.EnrollmentId, q.Sequence });
            queued.HasIndex(q => q.CommandId);
            queued.HasQueryFilter(q => q.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<CommandResultEntity>(result =>
        {
            result.ToTable("command_results");
            result.HasKey(r => r.Id);
            result.Property(r => r.CommandId).HasMaxLength(64);
            result.HasIndex(r => new { r.EnrollmentId, r.ReceivedAt });
            result.HasIndex(r => r.CommandId);
            result.HasIndex(r => r.ReceivedAt);
            result.HasQueryFilter(r => r.TenantId == CurrentTenantId);
        });

        ConfigureDeclarativeManagement(modelBuilder);
        ConfigureAudit(modelBuilder);
        ConfigureEventsAndWebhooks(modelBuilder);

        modelBuilder.Entity<DataProtectionKeyEntity>(key =>
        {
            key.ToTable("data_protection_keys");
            key.HasKey(k => k.Id);
        });

        ApplySnakeCaseNames(modelBuilder);
    }

    /// <summary>People, MSP organizations, roles, API clients and token keys: system-wide, never filtered by tenant.</summary>
    private static void ConfigureAccounts(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PersonEntity>(person =>
        {
            person.ToTable("people");
            person.Property(p => p.DisplayName).HasMaxLength(200);
        });
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("person_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("person_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("person_tokens");

        modelBuilder.Entity<MspOrganizationEntity>(msp =>
        {
            msp.ToTable("msp_organizations");
            msp.HasKey(m => m.Id);
            msp.Property(m => m.Name).HasMaxLength(200);
            msp.HasIndex(m => m.Name).IsUnique();
        });

        modelBuilder.Entity<TenantMembershipEntity>(membership =>
        {
            membership.ToTable("tenant_memberships");
            membership.HasKey(m => new { m.TenantId, m.PersonId });
            membership.HasIndex(m => m.PersonId);
        });

        modelBuilder.Entity<MspMembershipEntity>(membership =>
        {
            membership.ToTable("msp_memberships");
            membership.HasKey(m => new { m.MspOrganizationId, m.PersonId });
            membership.HasIndex(m => m.PersonId);
        });

        modelBuilder.Entity<ApiClientEntity>(client =>
        {
            client.ToTable("api_clients");
            client.HasKey(c => c.Id);
            client.Property(c => c.ClientId).HasMaxLength(64);
            client.Property(c => c.Name).HasMaxLength(200);
            client.Property(c => c.SecretHash).HasMaxLength(64);
            client.Property(c => c.Scopes).HasMaxLength(2000);
            client.HasIndex(c => c.ClientId).IsUnique();
            client.HasIndex(c => c.TenantId);
            client.HasIndex(c => c.MspOrganizationId);
        });

        modelBuilder.Entity<RefreshTokenEntity>(token =>
        {
            token.ToTable("refresh_tokens");
            token.HasKey(t => t.Id);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.FamilyId);
            token.HasIndex(t => t.ExpiresAt);
        });

        modelBuilder.Entity<SigningKeyEntity>(key =>
        {
            key.ToTable("signing_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasMaxLength(64);
        });
    }

    private void ConfigureDeclarativeManagement(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DeclarationEntity>(declaration =>
        {
            declaration.ToTable("declarations");
            declaration.HasKey(d => d.Id);
            declaration.Property(d => d.Identifier).HasMaxLength(64);
            declaration.Property(d => d.Type).HasMaxLength(128);
            declaration.Property(d => d.ServerToken).HasMaxLength(64);
            declaration.HasIndex(d => new { d.TenantId, d.Identifier }).IsUnique();
            declaration.HasQueryFilter(d => d.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<DeclarationSetEntity>(set =>
        {
            set.ToTable("declaration_sets");
            set.HasKey(s => s.Id);
            set.Property(s => s.Name).HasMaxLength(200);
            set.Property(s => s.Description).HasMaxLength(2000);
            set.HasIndex(s => new { s.TenantId, s.Name }).IsUnique();
            set.HasQueryFilter(s => s.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<DeclarationSetMemberEntity>(member =>
        {
            member.ToTable("declaration_set_members");
            member.HasKey(m => new { m.SetId, m.DeclarationId });
            member.HasIndex(m => m.DeclarationId);
            member.HasQueryFilter(m => m.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<DeviceGroupEntity>(group =>
        {
            group.ToTable("device_groups");
            group.HasKey(g => g.Id);
            group.Property(g => g.Name).HasMaxLength(200);
            group.HasIndex(g => new { g.TenantId, g.Name }).IsUnique();
            group.HasQueryFilter(g => g.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<DeviceGroupMemberEntity>(member =>
        {
            member.ToTable("device_group_members");
            member.HasKey(m => new { m.GroupId, m.EnrollmentId });
            member.HasIndex(m => m.EnrollmentId);
            member.HasQueryFilter(m => m.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<EnrollmentSetAssignmentEntity>(assignment =>
        {
            assignment.ToTable("enrollment_set_assignments");
            assignment.HasKey(a => new { a.EnrollmentId, a.SetId });
            assignment.HasIndex(a => a.SetId);
            assignment.HasQueryFilter(a => a.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<GroupSetAssignmentEntity>(assignment =>
        {
            assignment.ToTable("group_set_assignments");
            assignment.HasKey(a => new { a.GroupId, a.SetId });
            assignment.HasIndex(a => a.SetId);
            assignment.HasQueryFilter(a => a.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<DeclarativeStateEntity>(state =>
        {
            state.ToTable("declarative_states");
            state.HasKey(s => s.EnrollmentId);
            state.Property(s => s.DeclarationsToken).HasMaxLength(64);
            state.HasQueryFilter(s => s.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<DeclarationStatusEntity>(status =>
        {
            status.ToTable("declaration_statuses");
            status.HasKey(s => new { s.EnrollmentId, s.Identifier });
            status.Property(s => s.Identifier).HasMaxLength(64);
            status.Property(s => s.Category).HasMaxLength(16);
            status.Property(s => s.Valid).HasMaxLength(16);
            status.Property(s => s.ServerToken).HasMaxLength(64);
            status.HasIndex(s => new { s.TenantId, s.Identifier });
            status.HasQueryFilter(s => s.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<StatusReportEntity>(report =>
        {
            report.ToTable("status_reports");
            report.HasKey(r => r.Id);
            report.HasIndex(r => new { r.EnrollmentId, r.ReceivedAt });
            report.HasIndex(r => r.ReceivedAt);
            report.HasQueryFilter(r => r.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<ManagementPropertyEntity>(property =>
        {
            property.ToTable("management_properties");
            property.HasKey(p => new { p.EnrollmentId, p.Key });
            property.Property(p => p.Key).HasMaxLength(128);
            property.HasQueryFilter(p => p.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<AssetDataEntity>(asset =>
        {
            asset.ToTable("asset_data");
            asset.HasKey(a => a.Id);
            asset.Property(a => a.ContentType).HasMaxLength(255);
            asset.Property(a => a.Sha256).HasMaxLength(64);
            asset.Property(a => a.Label).HasMaxLength(200);
            asset.HasIndex(a => a.TenantId);
            asset.HasQueryFilter(a => a.TenantId == CurrentTenantId);
        });
    }

    private void ConfigureAudit(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntryEntity>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.ActorName).HasMaxLength(AuditEntryEntity.MaxActorNameLength);
            entry.Property(e => e.Method).HasMaxLength(AuditEntryEntity.MaxMethodLength);
            entry.Property(e => e.Target).HasMaxLength(AuditEntryEntity.MaxTargetLength);
            entry.Property(e => e.Outcome).HasMaxLength(AuditEntryEntity.MaxOutcomeLength);
            entry.Property(e => e.Detail).HasMaxLength(AuditEntryEntity.MaxDetailLength);
            entry.Property(e => e.Peer).HasMaxLength(AuditEntryEntity.MaxPeerLength);
            entry.HasIndex(e => new { e.TenantId, e.OccurredAt });
            entry.HasIndex(e => new { e.TenantId, e.ActorName, e.OccurredAt });
            entry.HasIndex(e => new { e.TenantId, e.ActorId, e.OccurredAt });
            entry.HasIndex(e => new { e.TenantId, e.Method, e.OccurredAt });
            entry.HasIndex(e => e.OccurredAt);
            entry.HasQueryFilter(e => e.TenantId == CurrentTenantId);
        });
    }

    private void ConfigureEventsAndWebhooks(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EventEntity>(log =>
        {
            log.ToTable("events");
            log.HasKey(e => e.Sequence);
            log.Property(e => e.Sequence).ValueGeneratedOnAdd();
            log.Property(e => e.Type).HasMaxLength(64);
            log.Property(e => e.EnrollmentId).HasMaxLength(512);
            log.HasIndex(e => e.Id).IsUnique();
            log.HasIndex(e => new { e.TenantId, e.Sequence });
            log.HasIndex(e => e.OccurredAt);
            log.HasQueryFilter(e => e.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<WebhookEntity>(webhook =>
        {
            webhook.ToTable("webhooks");
            webhook.HasKey(w => w.Id);
            webhook.Property(w => w.Url).HasMaxLength(2048);
            webhook.Property(w => w.EventTypes).HasMaxLength(1000);
            webhook.Property(w => w.Description).HasMaxLength(500);
            webhook.Property(w => w.DisabledReason).HasMaxLength(500);
            webhook.HasIndex(w => w.TenantId);
            webhook.HasQueryFilter(w => w.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<WebhookDeliveryEntity>(delivery =>
        {
            delivery.ToTable("webhook_deliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.EventType).HasMaxLength(64);
            delivery.HasIndex(d => new { d.WebhookId, d.EventId }).IsUnique();
            delivery.HasIndex(d => new { d.State, d.NextAttemptAt });
            delivery.HasIndex(d => new { d.WebhookId, d.Id });
            delivery.HasIndex(d => d.CreatedAt);
            delivery.HasQueryFilter(d => d.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<WebhookAttemptEntity>(attempt =>
        {
            attempt.ToTable("webhook_attempts");
            attempt.HasKey(a => a.Id);
            attempt.Property(a => a.Error).HasMaxLength(500);
            attempt.HasIndex(a => new { a.DeliveryId, a.Number }).IsUnique();
            attempt.HasIndex(a => a.AttemptedAt);
            attempt.HasQueryFilter(a => a.TenantId == CurrentTenantId);
        });

        modelBuilder.Entity<PushCertificateNoticeEntity>(notice =>
        {
            notice.ToTable("push_certificate_notices");
            notice.HasKey(n => new { n.TenantId, n.NotAfter, n.ThresholdDays });
            notice.HasQueryFilter(n => n.TenantId == CurrentTenantId);
        });
    }

    /// <summary>Defence in depth: rows are stamped with the request's tenant, and a row of another tenant is never written.</summary>
    private void GuardTenantWrites()
    {
        if (!tenant.HasTenant)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity.TenantId != tenant.TenantId)
            {
                throw new InvalidOperationException($"Refusing to write a {entry.Entity.GetType().Name} of another tenant.");
            }
        }
    }

    private const int MaxIndexNameLength = 63;

    private static void ApplySnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName("pk_" + entity.GetTableName());
            }

            foreach (var index in entity.GetIndexes())
            {
                var name = $"ix_{entity.GetTableName()}_{string.Join("_", index.Properties.Select(p => SnakeCase(p.Name)))}";
                // PostgreSQL cuts names at 63 characters: an index over more columns keeps the name it was given.
                if (name.Length <= MaxIndexNameLength)
                {
                    index.SetDatabaseName(name);
                }
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
