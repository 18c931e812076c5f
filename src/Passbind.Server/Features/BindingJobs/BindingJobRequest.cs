namespace Passbind.Server.Features.BindingJobs;

/// <summary>The body of a create: <c>{"job": {...}}</c>, the one resource Beyond Identity wraps under another name.</summary>
internal sealed record BindingJobRequest(BindingJobFields? Job);
