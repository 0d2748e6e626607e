using SaaSMdm.Core.Hosting;

var app = CoreApp.Build(args);
await CoreApp.PrepareAsync(app);
await app.RunAsync();
