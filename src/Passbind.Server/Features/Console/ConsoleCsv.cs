using System.Text;

namespace Passbind.Server.Features.Console;

/// <summary>
/// Reads CSV as RFC 4180 writes it: records end at CRLF or LF, a field in double quotes may hold commas, line breaks and
/// doubled quotes. A blank line is no record. Leading and trailing spaces of an unquoted field are kept for the caller to judge.
/// </summary>
internal static class ConsoleCsv
{
    /// <summary>The records of <paramref name="text"/>, or the line where a quoted field was left open.</summary>
    public static IReadOnlyList<string[]> Parse(string text, out int? unterminatedAtLine)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var quoteLine = 0;
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
                quoteLine = line;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                EndRecord(records, fields, field);
            }
            else
            {
                field.Append(c);
            }
        }

        EndRecord(records, fields, field);
        unterminatedAtLine = quoted ? quoteLine : null;
        return records;
    }

    private static void EndRecord(List<string[]> records, List<string> fields, StringBuilder field)
    {
        if (fields.Count == 0 && field.Length == 0)
        {
            return;
        }

        fields.Add(field.ToString());
        field.Clear();
        records.Add([.. fields]);
        fields.Clear();
    }
}
