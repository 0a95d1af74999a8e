/* kz-cli-output.c
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

#define G_LOG_DOMAIN "kompetenz-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kz-cli.h"
#include "kz-format.h"

/* Text for people: titles behind references, display values and
 * aligned tables. */

#define MAX_CELL_WIDTH 40

struct _KzCliTitles
{
  KzStore    *store;
  GHashTable *by_kind[KZ_N_KINDS];   /* uuid -> title, loaded on first use */
};

struct _KzCliTable
{
  guint      n_columns;
  GPtrArray *rows;                   /* GStrv */
};

KzCliTitles *
kz_cli_titles_new (KzStore *store)
{
  KzCliTitles *titles = g_new0 (KzCliTitles, 1);

  titles->store = g_object_ref (store);
  return titles;
}

void
kz_cli_titles_free (KzCliTitles *titles)
{
  if (titles == NULL)
    return;

  for (guint k = 0; k < KZ_N_KINDS; k++)
    g_clear_pointer (&titles->by_kind[k], g_hash_table_unref);
  g_object_unref (titles->store);
  g_free (titles);
}

const char *
kz_cli_titles_lookup (KzCliTitles *titles,
                      KzKind       kind,
                      const char  *uuid)
{
  const char *title;

  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  if (titles->by_kind[kind] == NULL)
    {
      g_autoptr(GError) error = NULL;

      titles->by_kind[kind] = kz_store_get_titles (titles->store, kind, &error);
      if (titles->by_kind[kind] == NULL)
        {
          g_debug ("No titles of %s: %s", kz_kind_get_info (kind)->name, error->message);
          titles->by_kind[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        }
    }

  title = g_hash_table_lookup (titles->by_kind[kind], uuid);
  if (title == NULL || title[0] == 0 || g_uuid_string_is_valid (title))
    {
      /* Kept in the table so that the pointer stays valid. */
      g_hash_table_insert (titles->by_kind[kind], g_strdup (uuid), g_strndup (uuid, 8));
      title = g_hash_table_lookup (titles->by_kind[kind], uuid);
    }

  return title;
}

char *
kz_cli_display_value (KzRecord      *record,
                      const KzField *field,
                      KzCliTitles   *titles)
{
  if (!kz_record_is_set (record, field->name))
    return NULL;

  if (field->type == KZ_FIELD_REF)
    return g_strdup (kz_cli_titles_lookup (titles, field->ref_kind,
                                           kz_record_get_string (record, field->name)));

  return kz_format_field (record, field->name);
}

/* Tables */

KzCliTable *
kz_cli_table_new (guint n_columns)
{
  KzCliTable *table = g_new0 (KzCliTable, 1);

  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  return table;
}

void
kz_cli_table_free (KzCliTable *table)
{
  if (table == NULL)
    return;

  g_ptr_array_unref (table->rows);
  g_free (table);
}

/* One line, at most MAX_CELL_WIDTH characters. */
static char *
cell_text (const char *text)
{
  g_autofree char *line = NULL;
  glong len;

  if (text == NULL)
    return g_strdup ("");

  line = g_strdup (text);
  g_strdelimit (line, "\n\r\t", ' ');
  len = g_utf8_strlen (line, -1);
  if (len <= MAX_CELL_WIDTH)
    return g_steal_pointer (&line);

  *g_utf8_offset_to_pointer (line, MAX_CELL_WIDTH - 1) = 0;
  return g_strconcat (line, "…", NULL);
}

void
kz_cli_table_add_row (KzCliTable         *table,
                      const char * const *cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = cell_text (cells[i]);

  g_ptr_array_add (table->rows, row);
}

static void
print_row (char  **row,
           guint   n_columns,
           guint  *widths)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      g_string_append (line, row[i]);
      if (i + 1 < n_columns)
        for (glong pad = g_utf8_strlen (row[i], -1); pad < (glong)widths[i] + 2; pad++)
          g_string_append_c (line, ' ');
    }

  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);
  g_print ("%s\n", line->str);
  g_string_free (line, TRUE);
}

void
kz_cli_table_print (KzCliTable *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = table->rows->pdata[r];

      for (guint i = 0; i < table->n_columns; i++)
        widths[i] = MAX (widths[i], (guint)g_utf8_strlen (row[i], -1));
    }

  for (guint r = 0; r < table->rows->len; r++)
    print_row (table->rows->pdata[r], table->n_columns, widths);
}
