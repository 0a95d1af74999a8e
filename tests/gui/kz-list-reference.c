/* kz-list-reference.c
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

#include "config.h"

#include <string.h>

#include "kz-format.h"
#include "kz-list-columns.h"
#include "kz-list-keys.h"
#include "kz-list-reference.h"

/* Filter */

typedef struct
{
  KzListFilter *filter;
  GHashTable   *organisations;
} Matcher;

static void
matcher_free (gpointer data)
{
  Matcher *matcher = data;

  g_clear_object (&matcher->filter);
  g_clear_pointer (&matcher->organisations, g_hash_table_unref);
  g_free (matcher);
}

static const char *
facet_value (Matcher       *matcher,
             const KzFacet *facet,
             KzRecord      *record)
{
  const char *value = kz_record_get_string (record, facet->field->name);
  KzRecord *organisation;

  if (facet->via == NULL || value == NULL)
    return value;
  if (matcher->organisations == NULL ||
      !(organisation = g_hash_table_lookup (matcher->organisations, value)))
    return NULL;

  return kz_record_get_string (organisation, facet->via->name);
}

static gboolean
has_value (const KzFacet *facet,
           const char    *value,
           KzRecord      *record,
           const char    *found)
{
  if (facet->field->type == KZ_FIELD_LIST && facet->via == NULL)
    return g_strv_contains (kz_record_get_list (record, facet->field->name), value);

  return g_strcmp0 (found ? found : "", value) == 0;
}

/* A record matches a facet with items when it has one of their values. */
static gboolean
match_facet (Matcher       *matcher,
             const KzFacet *facet,
             KzRecord      *record)
{
  const char * const *items = kz_list_filter_get_items (matcher->filter);
  const char *found = facet_value (matcher, facet, record);
  gboolean any = FALSE;

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *id = NULL;
      g_autofree char *value = NULL;

      if (!kz_filter_item_split (items[i], &id, &value) || !g_str_equal (id, facet->id))
        continue;
      any = TRUE;
      if (has_value (facet, value, record, found))
        return TRUE;
    }

  return !any;
}

static gboolean
match_date (Matcher       *matcher,
            const KzFacet *facet,
            KzRecord      *record)
{
  const char *date = kz_record_get_string (record, facet->field->name);
  const char *from = kz_list_filter_get_date (matcher->filter, facet->id, FALSE);
  const char *to = kz_list_filter_get_date (matcher->filter, facet->id, TRUE);

  if (from == NULL && to == NULL)
    return TRUE;
  if (date == NULL)
    return FALSE;

  /* ISO dates compare as text. */
  return (from == NULL || strcmp (date, from) >= 0) &&
         (to == NULL || strcmp (date, to) <= 0);
}

static gboolean
match_cb (gpointer item,
          gpointer user_data)
{
  Matcher *matcher = user_data;
  const KzFacet *facets;
  guint n;

  facets = kz_list_filter_get_facets (matcher->filter, &n);
  for (guint i = 0; i < n; i++)
    if (!(facets[i].type == KZ_FACET_DATE ? match_date (matcher, &facets[i], item)
                                          : match_facet (matcher, &facets[i], item)))
      return FALSE;

  return TRUE;
}

GtkFilter *
kz_list_reference_filter_new (KzListFilter *filter,
                              GHashTable   *organisations)
{
  Matcher *matcher = g_new0 (Matcher, 1);

  matcher->filter = g_object_ref (filter);
  matcher->organisations = organisations ? g_hash_table_ref (organisations) : NULL;

  return GTK_FILTER (gtk_custom_filter_new (match_cb, matcher, matcher_free));
}

/* Sorter */

typedef struct
{
  KzColumnData *data;
  GHashTable   *ranks;   /* uuid -> rank of its title + 1, for REF columns */
} Column;

static void
column_free (gpointer  data,
             GClosure *closure)
{
  Column *column = data;

  g_clear_pointer (&column->ranks, g_hash_table_unref);
  g_free (column);
}

typedef struct
{
  const char *uuid;
  char       *key;
} RankItem;

static int
rank_item_compare (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (((const RankItem *)a)->key, ((const RankItem *)b)->key);
}

/* Ranks titles (uuid -> title) in the user's collation, ignoring case. */
static GHashTable *
rank_titles (GHashTable *titles)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (RankItem));
  GHashTable *ranks = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer uuid, title;

  g_hash_table_iter_init (&iter, titles);
  while (g_hash_table_iter_next (&iter, &uuid, &title))
    {
      g_autofree char *folded = g_utf8_casefold (title ? title : "", -1);

      g_array_append_val (items, ((RankItem) { uuid, g_utf8_collate_key (folded, -1) }));
    }

  g_array_sort (items, rank_item_compare);
  for (guint i = 0; i < items->len; i++)
    {
      RankItem *item = &g_array_index (items, RankItem, i);

      /* The keys belong to @titles, which outlives the ranks. */
      g_hash_table_insert (ranks, (gpointer)item->uuid, GINT_TO_POINTER (i + 1));
      g_free (item->key);
    }

  return ranks;
}

/* GtkStringSorter wants a string for every row: unset fields sort as
 * empty text. */
static char *
sort_text_cb (KzRecord *record,
              Column   *column)
{
  char *text = _kz_list_column_dup_text (column->data, record);

  return text ? text : g_strdup ("");
}

static char *
sort_raw_cb (KzRecord *record,
             Column   *column)
{
  const char *text = kz_record_get_string (record, column->data->field->name);

  return g_strdup (text ? text : "");
}

static gint64
sort_ref_cb (KzRecord *record,
             Column   *column)
{
  const char *uuid = kz_record_get_string (record, column->data->field->name);

  if (uuid == NULL || column->ranks == NULL)
    return 0;

  return GPOINTER_TO_INT (g_hash_table_lookup (column->ranks, uuid));
}

static gint64
sort_date_cb (KzRecord *record,
              Column   *column)
{
  return kz_date_to_number (kz_record_get_string (record, column->data->field->name));
}

static gint64
sort_value_cb (KzRecord *record,
               Column   *column)
{
  return column->data->column->value (record, _kz_list_page_get_lookups (column->data->page));
}

static gint64
sort_int_cb (KzRecord *record,
             Column   *column)
{
  if (!kz_record_is_set (record, column->data->field->name))
    return G_MININT64;

  return kz_record_get_int (record, column->data->field->name);
}

static double
sort_number_cb (KzRecord *record,
                Column   *column)
{
  if (!kz_record_is_set (record, column->data->field->name))
    return -G_MAXDOUBLE;

  return kz_record_get_number (record, column->data->field->name);
}

/* Choices in the order of their vocabulary, e.g. idea before running;
 * proper names such as districts alphabetically. */
static gint64
sort_choice_cb (KzRecord *record,
                Column   *column)
{
  const KzVocabulary *vocab = column->data->field->vocab;
  const char *id = kz_record_get_string (record, column->data->field->name);
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
                Column   *column)
{
  GtkExpression *expression = gtk_cclosure_expression_new (type, NULL, 0, NULL, callback,
                                                           column, column_free);

  return GTK_SORTER (gtk_numeric_sorter_new (expression));
}

static GtkSorter *
string_sorter (GCallback callback,
               Column   *column)
{
  GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, callback,
                                                           column, column_free);

  return GTK_SORTER (gtk_string_sorter_new (expression));
}

GtkSorter *
kz_list_reference_sorter_new (KzColumnData    *data,
                              const KzLookups *lookups)
{
  Column *column = g_new0 (Column, 1);

  column->data = data;
  if (data->column->value != NULL)
    return numeric_sorter (G_TYPE_INT64, G_CALLBACK (sort_value_cb), column);
  if (data->field == NULL)
    return string_sorter (G_CALLBACK (sort_text_cb), column);

  switch (data->field->type)
    {
    case KZ_FIELD_INT:
    case KZ_FIELD_MONEY:
    case KZ_FIELD_BOOL:
      return numeric_sorter (G_TYPE_INT64, G_CALLBACK (sort_int_cb), column);
    case KZ_FIELD_NUMBER:
      return numeric_sorter (G_TYPE_DOUBLE, G_CALLBACK (sort_number_cb), column);
    case KZ_FIELD_CHOICE:
      return numeric_sorter (G_TYPE_INT64, G_CALLBACK (sort_choice_cb), column);
    case KZ_FIELD_REF:
      if (lookups->titles[data->field->ref_kind] != NULL)
        column->ranks = rank_titles (lookups->titles[data->field->ref_kind]);
      return numeric_sorter (G_TYPE_INT64, G_CALLBACK (sort_ref_cb), column);
    case KZ_FIELD_DATE:
      return numeric_sorter (G_TYPE_INT64, G_CALLBACK (sort_date_cb), column);
    case KZ_FIELD_TIME:
      return string_sorter (G_CALLBACK (sort_raw_cb), column);
    default:
      return string_sorter (G_CALLBACK (sort_text_cb), column);
    }
}
