using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Samverka.Platform.Jobs;

namespace Samverka.Platform.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";
    public string FromAddress { get; set; } = "noreply@samverka.example";
    public string FromName { get; set; } = "Samverka";

    /// Where .eml files are written when no SMTP host is configured. Relative to the content root.
    public string PickupFolder { get; set; } = "data/mail-pickup";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// "StartTls" (default), "SslOnConnect" or "None" (only for a local relay).
    public string SmtpSecurity { get; set; } = "StartTls";
}

/// Delivers one message: SMTP when configured, otherwise a pickup folder.
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

public sealed class SmtpMailTransport(EmailOptions options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        var security = options.SmtpSecurity switch
        {
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            "None" => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(options.SmtpUser))
            await client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

public sealed class PickupFolderMailTransport(string folder) : IMailTransport
{
    public string Folder => folder;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var name = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(folder, name + ".tmp");
        await message.WriteToAsync(temp, ct);
        // Rename last so a reader never sees half a message.
        File.Move(temp, Path.Combine(folder, name));
    }
}

public sealed record OutgoingMail(string To, string Subject, string TextBody, string? HtmlBody = null);

/// Queues e-mail as durable jobs, so a failing SMTP server means a retry, not a lost message.
public sealed class MailQueue(JobQueue jobs)
{
    public const string JobType = "email.send";

    /// Adds the job to the current unit of work; it is sent once the caller saves.
    public void Enqueue(OutgoingMail mail) => jobs.Enqueue(JobType, mail);
}

public sealed class SendMailJobHandler(IMailTransport transport, EmailOptions options) : IJobHandler
{
    public string Type => MailQueue.JobType;

    public Task RunAsync(string payload, CancellationToken ct)
    {
        var mail = JsonSerializer.Deserialize<OutgoingMail>(payload) ?? throw new InvalidOperationException("Empty mail payload.");
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        return transport.SendAsync(message, ct);
    }
}

public static class EmailModule
{
    public static IServiceCollection AddSamverkaEmail(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        var options = config.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        services.AddSingleton(options);
        if (!string.IsNullOrWhiteSpace(options.SmtpHost))
            services.AddSingleton<IMailTransport>(new SmtpMailTransport(options));
        else
            services.AddSingleton<IMailTransport>(new PickupFolderMailTransport(
                Path.IsPathRooted(options.PickupFolder) ? options.PickupFolder : Path.Combine(env.ContentRootPath, options.PickupFolder)));
        services.AddScoped<MailQueue>();
        PublicSiteOptions.Register(services, config, env);
        services.AddSingleton<PublicUrls>();
        services.AddScoped<IJobHandler, SendMailJobHandler>();
        return services;
    }
}
