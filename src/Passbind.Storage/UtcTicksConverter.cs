using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Passbind.Storage;

/// <summary>Stores a <see cref="DateTimeOffset"/> as its UTC ticks and reads it back in UTC.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
