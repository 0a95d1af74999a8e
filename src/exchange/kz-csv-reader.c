/* kz-csv-reader.c
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kz-csv-import"

#include "config.h"

#include <csv.h>
#include <string.h>

#include "kz-csv-reader-private.h"

#define CHUNK_SIZE       (64 * 1024)
#define SNIFF_SIZE       (64 * 1024)
#define SNIFF_ROWS       30
#define MAX_CONTROL      8

static void
line_free (KzCsvLine *line)
{
  if (line == NULL)
    return;
  g_strfreev (line->cells);
  g_free (line);
}

void
_kz_csv_table_free (KzCsvTable *table)
{
  if (table == NULL)
    return;
  line_free (table->header);
  g_clear_pointer (&table->lines, g_ptr_array_unref);
  g_free (table);
}

/* --- Encoding ------------------------------------------------------- */

static gboolean
not_text (GError **error)
{
  g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_NOT_TEXT,
               _("The file does not contain text: it looks like a binary file, such as "
                 "a spreadsheet saved in Excel’s own format. Save it as “CSV (semicolon "
                 "separated)” and try again."));
  return FALSE;
}

static char *
convert (const char     *data,
         gsize           size,
         const char     *from,
         gsize          *length,
         GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text = g_convert (data, size, "UTF-8", from, NULL, length, &local_error);

  if (text == NULL)
    g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_NOT_TEXT,
                 _("The file could not be read as %s text: %s"), from, local_error->message);
  return text;
}

static KzCsvEncoding
detect_encoding (const guint8 *data,
                 gsize         size)
{
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return KZ_CSV_ENCODING_UTF8_BOM;
  if (size >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    return KZ_CSV_ENCODING_UTF16;
  if (g_utf8_validate ((const char *)data, size, NULL))
    return KZ_CSV_ENCODING_UTF8;

  /* Windows-1252 leaves five bytes undefined; Latin-1 takes anything. */
  for (gsize i = 0; i < size; i++)
    if (data[i] == 0x81 || data[i] == 0x8D || data[i] == 0x8F || data[i] == 0x90 || data[i] == 0x9D)
      return KZ_CSV_ENCODING_LATIN1;

  return KZ_CSV_ENCODING_WINDOWS_1252;
}

static char *
decode_utf8 (const char  *data,
             gsize        size,
             gsize       *length,
             GError     **error)
{
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (!g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_NOT_TEXT,
                   _("The file is not valid UTF-8 text. Choose another encoding, "
                     "such as Windows-1252."));
      return NULL;
    }

  *length = size;
  return g_strndup (data, size);
}

static char *
decode_utf16 (const char  *data,
              gsize        size,
              gsize       *length,
              GError     **error)
{
  const char *from = "UTF-16";

  if (size >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    from = "UTF-16LE";
  else if (size >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    from = "UTF-16BE";
  if (size >= 2 && !g_str_equal (from, "UTF-16"))
    {
      data += 2;
      size -= 2;
    }

  return convert (data, size, from, length, error);
}

/* Text may hold tabs and line breaks, but hardly any other control
 * characters: many of them mean the bytes were never text. */
static gboolean
looks_like_text (const char *text,
                 gsize       length)
{
  guint control = 0;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
        control++;
      if (c == 0 || control > MAX_CONTROL)
        return FALSE;
    }

  return TRUE;
}

static char *
decode_as (const char     *data,
           gsize           size,
           KzCsvEncoding   encoding,
           gsize          *length,
           GError        **error)
{
  switch (encoding)
    {
    case KZ_CSV_ENCODING_UTF8:
    case KZ_CSV_ENCODING_UTF8_BOM:
      return decode_utf8 (data, size, length, error);
    case KZ_CSV_ENCODING_UTF16:
      return decode_utf16 (data, size, length, error);
    case KZ_CSV_ENCODING_WINDOWS_1252:
      return convert (data, size, "WINDOWS-1252", length, error);
    case KZ_CSV_ENCODING_LATIN1:
    case KZ_CSV_ENCODING_AUTO:
    default:
      return convert (data, size, "ISO-8859-1", length, error);
    }
}

/* NUL bytes only belong in UTF-16; anywhere else they mean binary data. */
static gboolean
detect (const char     *data,
        gsize           size,
        KzCsvEncoding  *encoding,
        GError        **error)
{
  KzCsvEncoding detected = detect_encoding ((const guint8 *)data, size);

  if (detected != KZ_CSV_ENCODING_UTF16 && memchr (data, 0, size) != NULL)
    return not_text (error);

  *encoding = detected;
  return TRUE;
}

char *
_kz_csv_decode (GBytes         *bytes,
                KzCsvEncoding  *encoding,
                gsize          *length,
                GError        **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = NULL;

  if (size > KZ_CSV_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_TOO_LARGE,
                   _("The file is too large to import (more than %d MB)."),
                   KZ_CSV_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (size == 0)
    {
      if (*encoding == KZ_CSV_ENCODING_AUTO)
        *encoding = KZ_CSV_ENCODING_UTF8;
      *length = 0;
      return g_strdup ("");
    }

  if ((*encoding == KZ_CSV_ENCODING_AUTO && !detect (data, size, encoding, error)) ||
      !(text = decode_as (data, size, *encoding, length, error)))
    return NULL;

  if (!looks_like_text (text, *length))
    {
      not_text (error);
      return NULL;
    }

  return g_steal_pointer (&text);
}

/* --- Parsing with libcsv -------------------------------------------- */

typedef struct
{
  GPtrArray  *cells;       /* of the row being read */
  KzCsvTable *table;
  guint       number;      /* rows seen, empty ones included */
  int         last_term;
  guint       max_rows;    /* stop collecting after this many (sniffing) */
  guint       widest;      /* most cells seen in a row */
  gboolean    overflow;    /* a limit was broken; see error */
  GError     *error;
} Parser;

static void
parser_fail (Parser     *parser,
             GQuark      domain,
             int         code,
             const char *message)
{
  if (parser->error == NULL)
    parser->error = g_error_new_literal (domain, code, message);
  parser->overflow = TRUE;
}

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  Parser *parser = user_data;

  if (parser->overflow)
    return;

  parser->widest = MAX (parser->widest, parser->cells->len + 1);
  if (len > KZ_CSV_IMPORT_MAX_FIELD)
    {
      g_autofree char *msg =
        g_strdup_printf (_("A value in row %u is longer than %d KiB. This is probably not a "
                           "CSV file, or a quote is missing."),
                         parser->number + 1, KZ_CSV_IMPORT_MAX_FIELD / 1024);
      parser_fail (parser, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_TOO_LARGE, msg);
      return;
    }

  if (parser->cells->len >= KZ_CSV_IMPORT_MAX_COLUMNS)
    {
      g_autofree char *msg =
        g_strdup_printf (_("Row %u has more than %d columns. This is probably not a CSV file "
                           "or the wrong separator was chosen."),
                         parser->number + 1, KZ_CSV_IMPORT_MAX_COLUMNS);
      parser_fail (parser, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_TOO_LARGE, msg);
      return;
    }

  g_ptr_array_add (parser->cells, g_strndup (data ? data : "", len));
}

static KzCsvLine *
take_line (Parser *parser)
{
  KzCsvLine *line = g_new0 (KzCsvLine, 1);

  line->number = parser->number;
  line->n_cells = parser->cells->len;
  g_ptr_array_add (parser->cells, NULL);
  line->cells = (char **)g_ptr_array_free (parser->cells, FALSE);
  parser->cells = g_ptr_array_new_with_free_func (g_free);

  return line;
}

static gboolean
line_is_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = cells->pdata[i];

      for (const char *p = cell; *p; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }

  return TRUE;
}

/* With CSV_REPALL_NL every line break outside quotes ends a row, so that
 * blank lines count as rows, as they do in a spreadsheet; the LF of a
 * CRLF pair is not a row of its own. */
static void
row_cb (int   term,
        void *user_data)
{
  Parser *parser = user_data;
  gboolean empty = parser->cells->len == 0;

  if (empty && term == '\n' && parser->last_term == '\r')
    {
      parser->last_term = term;
      return;
    }
  parser->last_term = term;
  parser->number++;

  if (parser->overflow || line_is_blank (parser->cells) ||
      (parser->max_rows > 0 && parser->table->lines->len >= parser->max_rows))
    {
      g_ptr_array_set_size (parser->cells, 0);
      return;
    }

  if (parser->table->header == NULL)
    parser->table->header = take_line (parser);
  else
    g_ptr_array_add (parser->table->lines, take_line (parser));
}

static int
no_space (unsigned char c)
{
  return 0;
}

static void
parser_init (Parser              *parser,
             struct csv_parser   *csv,
             char                 separator,
             guint                max_rows)
{
  csv_init (csv, CSV_REPALL_NL | CSV_STRICT_FINI);
  csv_set_delim (csv, separator);
  /* Keep blanks: tabs may be the separator, and the import trims values itself. */
  csv_set_space_func (csv, no_space);

  parser->cells = g_ptr_array_new_with_free_func (g_free);
  parser->table = g_new0 (KzCsvTable, 1);
  parser->table->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  parser->number = 0;
  parser->last_term = 0;
  parser->max_rows = max_rows;
  parser->widest = 0;
  parser->overflow = FALSE;
  parser->error = NULL;
}

static void
parser_clear (Parser            *parser,
              struct csv_parser *csv)
{
  csv_free (csv);
  g_clear_pointer (&parser->cells, g_ptr_array_unref);
  g_clear_pointer (&parser->table, _kz_csv_table_free);
  g_clear_error (&parser->error);
}

static gboolean
feed (Parser             *parser,
      struct csv_parser  *csv,
      const char         *text,
      gsize               length,
      GCancellable       *cancellable,
      GError            **error)
{
  for (gsize offset = 0; offset < length && !parser->overflow; offset += CHUNK_SIZE)
    {
      gsize n = MIN (CHUNK_SIZE, length - offset);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (csv_parse (csv, text + offset, n, field_cb, row_cb, parser) != n)
        {
          g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_PARSE,
                       _("The file could not be read as CSV: %s"),
                       csv_strerror (csv_error (csv)));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
finish (Parser             *parser,
        struct csv_parser  *csv,
        GError            **error)
{
  if (parser->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parser->error));
      return FALSE;
    }

  /* Lenient about stray quotes inside values, but a quote still open at
   * the end means the rest of the file went into one value. */
  csv_set_opts (csv, CSV_REPALL_NL | CSV_STRICT | CSV_STRICT_FINI);
  if (csv_fini (csv, field_cb, row_cb, parser) != 0)
    {
      g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_PARSE,
                   _("The file ends inside a quoted value that starts in row %u: a closing "
                     "quote (\") is missing."), parser->number + 1);
      return FALSE;
    }

  if (parser->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parser->error));
      return FALSE;
    }

  return TRUE;
}

KzCsvTable *
_kz_csv_parse (const char    *text,
               gsize          length,
               char           separator,
               GCancellable  *cancellable,
               GError       **error)
{
  struct csv_parser csv;
  Parser parser;
  KzCsvTable *table = NULL;

  parser_init (&parser, &csv, separator, 0);

  if (feed (&parser, &csv, text, length, cancellable, error) && finish (&parser, &csv, error))
    {
      if (parser.table->header == NULL)
        g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_EMPTY,
                     _("The file is empty."));
      else if (parser.table->lines->len == 0)
        g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_EMPTY,
                     _("The file only has column headings and no rows to import."));
      else
        table = g_steal_pointer (&parser.table);
    }

  parser_clear (&parser, &csv);
  return table;
}

/* --- Separator detection -------------------------------------------- */

typedef struct
{
  guint columns;      /* in the first row */
  guint consistent;   /* later rows with the same number of cells */
  guint rows;
} Sniff;

static Sniff
sniff (const char *text,
       gsize       length,
       char        separator)
{
  struct csv_parser csv;
  Parser parser;
  Sniff result = { 0, 0, 0 };

  parser_init (&parser, &csv, separator, SNIFF_ROWS);
  feed (&parser, &csv, text, MIN (length, SNIFF_SIZE), NULL, NULL);
  if (length <= SNIFF_SIZE)
    csv_fini (&csv, field_cb, row_cb, &parser);

  /* A row too wide to keep still says how well the separator splits. */
  result.columns = parser.widest;
  if (parser.table->header != NULL)
    {
      result.columns = parser.table->header->n_cells;
      result.rows = parser.table->lines->len;
      for (guint i = 0; i < parser.table->lines->len; i++)
        if (((KzCsvLine *)parser.table->lines->pdata[i])->n_cells == result.columns)
          result.consistent++;
    }

  parser_clear (&parser, &csv);
  return result;
}

static gboolean
sniff_better (const Sniff *a,
              const Sniff *b)
{
  double ra = a->rows ? (double)a->consistent / a->rows : 1.0;
  double rb = b->rows ? (double)b->consistent / b->rows : 1.0;

  if ((a->columns > 1) != (b->columns > 1))
    return a->columns > 1;
  if (ra != rb)
    return ra > rb;
  return a->columns > b->columns;
}

char
_kz_csv_detect_separator (const char *text,
                          gsize       length)
{
  /* In order of preference when nothing decides: German Excel first. */
  static const char candidates[] = { ';', '\t', ',' };
  Sniff best = sniff (text, length, candidates[0]);
  char separator = candidates[0];

  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    {
      Sniff s = sniff (text, length, candidates[i]);

      if (sniff_better (&s, &best))
        {
          best = s;
          separator = candidates[i];
        }
    }

  return separator;
}
