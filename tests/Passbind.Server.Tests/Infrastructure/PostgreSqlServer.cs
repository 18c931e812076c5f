namespace Passbind.Server.Tests.Infrastructure;

/// <summary>A class fixture: the server on a fresh PostgreSQL database (needs <c>PASSBIND_TEST_POSTGRES</c>; tests/run.sh sets it).</summary>
public sealed class PostgreSqlServer() : PassbindServer(TestDatabase.PostgreSql);
