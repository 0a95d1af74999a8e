/* kz-list-columns.c
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

#define G_LOG_DOMAIN "kz-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-list-page-private.h"

/* Cell text and sort keys */

gboolean
_kz_list_column_is_numeric (const KzColumnData *data)
{
  if (data->column->flags & KZ_COLUMN_NUMERIC)
    return TRUE;
  if (data->field == NULL)
    return FALSE;

  return data->field->type == KZ_FIELD_INT ||
         data->field->type == KZ_FIELD_NUMBER ||
         data->field->type == KZ_FIELD_MONEY;
}

char *
_kz_list_column_dup_text (const KzColumnData *data,
                 KzRecord         *record)
{
  const KzLookups *lookups = _kz_list_page_get_lookups (data->page);

  g_assert (lookups != NULL);

  if (data->column->text != NULL)
    return data->column->text (record, lookups);

  if (data->field->type == KZ_FIELD_REF)
    return g_strdup (kz_lookups_get_title (lookups, data->field->ref_kind,
                                           kz_record_get_string (record, data->field->name)));

  return kz_format_field (record, data->field->name);
}

/* GtkStringSorter wants a string for every row: unset fields sort as
 * empty text. */
static char *
sort_text_cb (KzRecord   *record,
              KzColumnData *data)
{
  char *text = _kz_list_column_dup_text (data, record);

  return text ? text : g_strdup ("");
}

static char *
sort_raw_cb (KzRecord   *record,
             KzColumnData *data)
{
  const char *text = kz_record_get_string (record, data->field->name);

  return g_strdup (text ? text : "");
}

/* REF columns sort by the rank of the name they show, computed with
 * the lookups on the worker thread. */
static gint64
sort_ref_cb (KzRecord   *record,
             KzColumnData *data)
{
  GHashTable *ranks = _kz_list_page_get_lookups (data->page)->title_ranks[data->field->ref_kind];
  const char *uuid = kz_record_get_string (record, data->field->name);

  if (uuid == NULL || ranks == NULL)
    return 0;

  return GPOINTER_TO_INT (g_hash_table_lookup (ranks, uuid));
}

static gint64
sort_date_cb (KzRecord   *record,
              KzColumnData *data)
{
  return kz_date_to_number (kz_record_get_string (record, data->field->name));
}

static gint64
sort_value_cb (KzRecord   *record,
               KzColumnData *data)
{
  return data->column->value (record, _kz_list_page_get_lookups (data->page));
}

static gint64
sort_int_cb (KzRecord   *record,
             KzColumnData *data)
{
  if (!kz_record_is_set (record, data->field->name))
    return G_MININT64;

  return kz_record_get_int (record, data->field->name);
}

static double
sort_number_cb (KzRecord   *record,
                KzColumnData *data)
{
  if (!kz_record_is_set (record, data->field->name))
    return -G_MAXDOUBLE;

  return kz_record_get_number (record, data->field->name);
}

/* Sorts choices in the order of their vocabulary, e.g. idea before
 * running; proper names such as districts alphabetically. */
static gint64
sort_choice_cb (KzRecord   *record,
                KzColumnData *data)
{
  const KzVocabulary *vocab = data->field->vocab;
  const char *id = kz_record_get_string (record, data->field->name);
  const KzTerm *term = kz_vocabulary_lookup (vocab, id);

  if (term == NULL)
    return id == NULL ? -1 : G_MAXINT64;
  if (!vocab->translate)
    return kz_vocabulary_get_label_rank (vocab, id);

  return term - vocab->terms;
}

static GtkSorter *
numeric_sorter (GType     type,
                GCallback callback,
                gpointer  data)
{
  GtkExpression *expression = gtk_cclosure_expression_new (type, NULL, 0, NULL,
                                                           callback, data, NULL);

  return GTK_SORTER (gtk_numeric_sorter_new (expression));
}

static GtkSorter *
string_sorter (GCallback callback,
               gpointer  data)
{
  GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                           callback, data, NULL);

  return GTK_SORTER (gtk_string_sorter_new (expression));
}

GtkSorter *
_kz_list_column_create_sorter (KzColumnData *data)
{
  if (data->column->value != NULL)
    return numeric_sorter (G_TYPE_INT64, G_CALLBACK (sort_value_cb), data);

  if (data->field == NULL)
    return string_sorter (G_CALLBACK (sort_text_cb), data);

  switch (data->field->type)
    {
    case KZ_FIELD_INT:
    case KZ_FIELD_MONEY:
    case KZ_FIELD_BOOL:
      return numeric_sorter (G_TYPE_INT64, G_CALLBACK (sort_int_cb), data);
    case KZ_FIELD_NUMBER:
      return numeric_sorter (G_TYPE_DOUBLE, G_CALLBACK (sort_number_cb), data);
    case KZ_FIELD_CHOICE:
      return numeric_sorter (G_TYPE_INT64, G_CALLBACK (sort_choice_cb), data);
    case KZ_FIELD_REF:
      return numeric_sorter (G_TYPE_INT64, G_CALLBACK (sort_ref_cb), data);
    case KZ_FIELD_DATE:
      return numeric_sorter (G_TYPE_INT64, G_CALLBACK (sort_date_cb), data);
    case KZ_FIELD_TIME:
      return string_sorter (G_CALLBACK (sort_raw_cb), data);
    default:
      return string_sorter (G_CALLBACK (sort_text_cb), data);
    }
}

