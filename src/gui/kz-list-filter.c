/* kz-list-filter.c
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

#define G_LOG_DOMAIN "kz-list-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-list-filter.h"
#include "kz-list-keys.h"

#define MAX_FACETS 16

typedef struct
{
  KzFacet facets[MAX_FACETS];
  guint   n_facets;
} FacetTable;

struct _KzListFilter
{
  GObject            parent_instance;

  KzKind             kind;
  const FacetTable  *table;
  char              *search;          /* as typed */
  char              *folded_search;   /* NULL when empty */
  GPtrArray         *items;           /* char *, NULL-terminated */
  GHashTable        *selected;        /* facet id -> GHashTable set of values */
  KzStore           *store;
};

G_DEFINE_FINAL_TYPE (KzListFilter, kz_list_filter, G_TYPE_OBJECT)

enum { STATE_CHANGED, N_SIGNALS };
static guint signals [N_SIGNALS];

/* Facets */

static const char * const date_fields[] = { "end_date", "date", "registration_deadline", NULL };

static void
add_facet (FacetTable         *table,
           const char         *id,
           KzFacetType         type,
           const KzField      *field,
           const KzField      *via)
{
  KzFacet *facet;

  g_assert (table->n_facets < MAX_FACETS);

  facet = &table->facets[table->n_facets++];
  facet->id = g_intern_string (id);
  facet->type = type;
  facet->field = field;
  facet->via = via;
  facet->vocab = (via ? via : field)->vocab;
}

static void
add_field_facets (FacetTable    *table,
                  const KzField *field)
{
  if ((field->type == KZ_FIELD_CHOICE || field->type == KZ_FIELD_LIST) && field->vocab != NULL)
    add_facet (table, field->name, KZ_FACET_CHOICE, field, NULL);
  else if (field->type == KZ_FIELD_TEXT && g_str_equal (field->name, "advisor"))
    add_facet (table, field->name, KZ_FACET_TEXT, field, NULL);
  else if (field->type == KZ_FIELD_REF && field->ref_kind == KZ_KIND_ORGANISATION)
    {
      g_autofree char *umbrella = g_strconcat (field->name, ".umbrella", NULL);
      g_autofree char *district = g_strconcat (field->name, ".district", NULL);

      add_facet (table, umbrella, KZ_FACET_CHOICE, field,
                 kz_kind_get_field (KZ_KIND_ORGANISATION, "umbrella"));
      add_facet (table, district, KZ_FACET_CHOICE, field,
                 kz_kind_get_field (KZ_KIND_ORGANISATION, "district"));
    }
}

static const FacetTable *
get_facet_table (KzKind kind)
{
  static FacetTable tables[KZ_N_KINDS];
  static gsize initialized[KZ_N_KINDS];
  const KzKindInfo *info = kz_kind_get_info (kind);

  if (g_once_init_enter (&initialized[kind]))
    {
      FacetTable *table = &tables[kind];

      for (guint i = 0; i < info->n_fields; i++)
        add_field_facets (table, &info->fields[i]);
      for (guint i = 0; date_fields[i] != NULL; i++)
        {
          const KzField *field = kz_kind_get_field (kind, date_fields[i]);

          if (field != NULL && field->type == KZ_FIELD_DATE)
            {
              add_facet (table, field->name, KZ_FACET_DATE, field, NULL);
              break;
            }
        }
      g_once_init_leave (&initialized[kind], 1);
    }

  return &tables[kind];
}

/* State */

static void
rebuild_selected (KzListFilter *self)
{
  g_hash_table_remove_all (self->selected);

  for (guint i = 0; i + 1 < self->items->len; i++)
    {
      g_autofree char *facet = NULL;
      g_autofree char *value = NULL;
      GHashTable *values;

      if (!kz_filter_item_split (g_ptr_array_index (self->items, i), &facet, &value))
        continue;
      if (!(values = g_hash_table_lookup (self->selected, facet)))
        {
          values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (self->selected, g_strdup (facet), values);
        }
      g_hash_table_add (values, g_steal_pointer (&value));
    }
}

static int
find_item (KzListFilter *self,
           const char   *item)
{
  for (guint i = 0; i + 1 < self->items->len; i++)
    if (g_str_equal (g_ptr_array_index (self->items, i), item))
      return i;

  return -1;
}

static void
state_changed (KzListFilter *self)
{
  rebuild_selected (self);
  g_signal_emit (self, signals [STATE_CHANGED], 0);
}

/* The facet of an item: "end_date.from" belongs to "end_date". */
static const KzFacet *
item_facet (KzListFilter *self,
            const char   *facet_id,
            const char  **bound)
{
  const KzFacet *facet = kz_list_filter_find_facet (self, facet_id);
  const char *dot;

  *bound = NULL;
  if (facet != NULL || !(dot = strrchr (facet_id, '.')))
    return facet;

  {
    g_autofree char *base = g_strndup (facet_id, dot - facet_id);

    facet = kz_list_filter_find_facet (self, base);
  }
  if (facet == NULL || facet->type != KZ_FACET_DATE ||
      !(g_str_equal (dot, ".from") || g_str_equal (dot, ".to")))
    return NULL;

  *bound = dot + 1;
  return facet;
}

/* GObject */

static void
kz_list_filter_finalize (GObject *object)
{
  KzListFilter *self = (KzListFilter *)object;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->folded_search, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kz_list_filter_parent_class)->finalize (object);
}

static void
kz_list_filter_class_init (KzListFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kz_list_filter_finalize;

  signals [STATE_CHANGED] =
    g_signal_new ("state-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
kz_list_filter_init (KzListFilter *self)
{
  self->items = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->items, NULL);
  self->selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)g_hash_table_unref);
}

/* Public API */

KzListFilter *
kz_list_filter_new (KzKind kind)
{
  KzListFilter *self;

  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  self = g_object_new (KZ_TYPE_LIST_FILTER, NULL);
  self->kind = kind;
  self->table = get_facet_table (kind);

  return self;
}

KzKind
kz_list_filter_get_kind (KzListFilter *self)
{
  g_return_val_if_fail (KZ_IS_LIST_FILTER (self), KZ_KIND_PROJECT);

  return self->kind;
}

const KzFacet *
kz_list_filter_get_facets (KzListFilter *self,
                           guint        *n_facets)
{
  g_return_val_if_fail (KZ_IS_LIST_FILTER (self), NULL);
  g_return_val_if_fail (n_facets != NULL, NULL);

  *n_facets = self->table->n_facets;
  return self->table->facets;
}

const KzFacet *
kz_list_filter_find_facet (KzListFilter *self,
                           const char   *id)
{
  g_return_val_if_fail (KZ_IS_LIST_FILTER (self), NULL);

  for (guint i = 0; id != NULL && i < self->table->n_facets; i++)
    if (g_str_equal (self->table->facets[i].id, id))
      return &self->table->facets[i];

  return NULL;
}

const char *
kz_facet_get_label (const KzFacet *facet)
{
  g_return_val_if_fail (facet != NULL, NULL);

  return _((facet->via ? facet->via : facet->field)->label);
}

GStrv
kz_list_filter_dup_values (KzListFilter  *self,
                           const KzFacet *facet)
{
  g_autoptr(GError) error = NULL;
  GStrv values;

  g_return_val_if_fail (KZ_IS_LIST_FILTER (self), NULL);
  g_return_val_if_fail (facet != NULL, NULL);

  if (self->store == NULL)
    return g_new0 (char *, 1);
  if (!(values = kz_store_dup_values (self->store, self->kind, facet->field->name, &error)))
    {
      g_message ("Could not read the values of %s: %s", facet->field->name, error->message);
      return g_new0 (char *, 1);
    }

  return values;
}

void
kz_list_filter_set_search (KzListFilter *self,
                           const char   *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (KZ_IS_LIST_FILTER (self));

  if (text != NULL && *text != '\0')
    folded = g_strstrip (kz_fold_text (text));
  if (folded != NULL && *folded == '\0')
    g_clear_pointer (&folded, g_free);
  if (g_strcmp0 (folded, self->folded_search) == 0)
    {
      g_free (self->search);
      self->search = g_strdup (text);
      return;
    }

  g_free (self->search);
  self->search = g_strdup (text);
  g_free (self->folded_search);
  self->folded_search = g_steal_pointer (&folded);
  state_changed (self);
}

const char *
kz_list_filter_get_search (KzListFilter *self)
{
  g_return_val_if_fail (KZ_IS_LIST_FILTER (self), NULL);

  return self->search ? self->search : "";
}

gboolean
kz_list_filter_add_item (KzListFilter *self,
                         const char   *item)
{
  g_autofree char *facet = NULL;
  g_autofree char *value = NULL;
  const char *bound;

  g_return_val_if_fail (KZ_IS_LIST_FILTER (self), FALSE);

  if (!kz_filter_item_split (item, &facet, &value) || *value == '\0' ||
      item_facet (self, facet, &bound) == NULL || find_item (self, item) >= 0)
    return FALSE;

  g_ptr_array_insert (self->items, self->items->len - 1, g_strdup (item));
  state_changed (self);
  return TRUE;
}

gboolean
kz_list_filter_remove_item (KzListFilter *self,
                            const char   *item)
{
  int index;

  g_return_val_if_fail (KZ_IS_LIST_FILTER (self), FALSE);

  if (item == NULL || (index = find_item (self, item)) < 0)
    return FALSE;

  g_ptr_array_remove_index (self->items, index);
  state_changed (self);
  return TRUE;
}

gboolean
kz_list_filter_has_item (KzListFilter *self,
                         const char   *item)
{
  g_return_val_if_fail (KZ_IS_LIST_FILTER (self), FALSE);

  return item != NULL && find_item (self, item) >= 0;
}

const char *
kz_list_filter_get_date (KzListFilter *self,
                         const char   *facet_id,
                         gboolean      to)
{
  g_autofree char *key = NULL;
  GHashTable *values;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (KZ_IS_LIST_FILTER (self), NULL);

  key = g_strconcat (facet_id, to ? ".to" : ".from", NULL);
  if (!(values = g_hash_table_lookup (self->selected, key)))
    return NULL;

  g_hash_table_iter_init (&iter, values);
  return g_hash_table_iter_next (&iter, &value, NULL) ? value : NULL;
}

void
kz_list_filter_set_date (KzListFilter *self,
                         const char   *facet_id,
                         gboolean      to,
                         const char   *iso_date)
{
  g_autofree char *prefix = NULL;
  g_autofree char *item = NULL;

  g_return_if_fail (KZ_IS_LIST_FILTER (self));

  prefix = g_strconcat (facet_id, to ? ".to=" : ".from=", NULL);
  if (iso_date != NULL && *iso_date != '\0')
    item = g_strconcat (prefix, iso_date, NULL);
  if (item != NULL && find_item (self, item) >= 0)
    return;

  for (guint i = 0; i + 1 < self->items->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (self->items, i), prefix))
      g_ptr_array_remove_index (self->items, i--);
  if (item != NULL)
    g_ptr_array_insert (self->items, self->items->len - 1, g_steal_pointer (&item));

  state_changed (self);
}

void
kz_list_filter_clear_items (KzListFilter *self)
{
  g_return_if_fail (KZ_IS_LIST_FILTER (self));

  if (self->items->len == 1)
    return;

  g_ptr_array_remove_range (self->items, 0, self->items->len - 1);
  state_changed (self);
}

const char * const *
kz_list_filter_get_items (KzListFilter *self)
{
  g_return_val_if_fail (KZ_IS_LIST_FILTER (self), NULL);

  return (const char * const *)self->items->pdata;
}

void
kz_list_filter_set_items (KzListFilter       *self,
                          const char * const *items)
{
  g_return_if_fail (KZ_IS_LIST_FILTER (self));

  g_ptr_array_remove_range (self->items, 0, self->items->len - 1);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *facet = NULL;
      g_autofree char *value = NULL;
      const char *bound;

      if (kz_filter_item_split (items[i], &facet, &value) && *value != '\0' &&
          item_facet (self, facet, &bound) != NULL && find_item (self, items[i]) < 0)
        g_ptr_array_insert (self->items, self->items->len - 1, g_strdup (items[i]));
    }

  state_changed (self);
}

char *
kz_list_filter_describe_item (KzListFilter *self,
                              const char   *item)
{
  g_autofree char *facet_id = NULL;
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;
  const KzFacet *facet;
  const char *bound;

  g_return_val_if_fail (KZ_IS_LIST_FILTER (self), NULL);

  if (!kz_filter_item_split (item, &facet_id, &value) ||
      !(facet = item_facet (self, facet_id, &bound)))
    return g_strdup (item);

  if (facet->type == KZ_FACET_DATE)
    {
      date = kz_format_date (value);
      /* Translators: "End from 31.12.2026": a date filter */
      return g_strdup_printf (g_str_equal (bound, "from") ? _("%s from %s") : _("%s until %s"),
                              kz_facet_get_label (facet), date ? date : value);
    }

  /* Translators: "Status: Running": an active filter */
  return g_strdup_printf (_("%s: %s"), kz_facet_get_label (facet),
                          facet->vocab ? kz_vocabulary_get_label (facet->vocab, value) ?: value : value);
}

gboolean
kz_list_filter_is_active (KzListFilter *self)
{
  g_return_val_if_fail (KZ_IS_LIST_FILTER (self), FALSE);

  return self->folded_search != NULL || self->items->len > 1;
}

void
kz_list_filter_set_store (KzListFilter *self,
                          KzStore      *store)
{
  g_return_if_fail (KZ_IS_LIST_FILTER (self));
  g_return_if_fail (!store || KZ_IS_STORE (store));

  g_set_object (&self->store, store);
}

/* Conditions */

static void
append_quoted (GString    *sql,
               const char *value)
{
  g_string_append_c (sql, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (sql, '\'');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '\'');
}

/* @column holds one of @values; LIST columns (values joined by new
 * lines) hold one of them as an element. */
static void
append_values (GString       *sql,
               const char    *column,
               const KzField *field,
               GHashTable    *values)
{
  GHashTableIter iter;
  gpointer value;
  gboolean first = TRUE;

  g_hash_table_iter_init (&iter, values);
  if (field->type != KZ_FIELD_LIST)
    {
      g_string_append_printf (sql, "%s IN (", column);
      while (g_hash_table_iter_next (&iter, &value, NULL))
        {
          if (!first)
            g_string_append (sql, ", ");
          append_quoted (sql, value);
          first = FALSE;
        }
      g_string_append_c (sql, ')');
      return;
    }

  g_string_append_c (sql, '(');
  while (g_hash_table_iter_next (&iter, &value, NULL))
    {
      g_autofree char *element = g_strconcat ("\n", (const char *)value, "\n", NULL);

      g_string_append_printf (sql, "%sinstr(char(10) || %s || char(10), ", first ? "" : " OR ", column);
      append_quoted (sql, element);
      g_string_append (sql, ") > 0");
      first = FALSE;
    }
  g_string_append_c (sql, ')');
}

static void
append_facet (KzListFilter  *self,
              GString       *sql,
              const KzFacet *facet,
              GHashTable    *values)
{
  g_autofree char *column = g_strconcat ("r.", facet->field->name, NULL);

  if (facet->via == NULL)
    {
      append_values (sql, column, facet->field, values);
      return;
    }

  g_string_append_printf (sql, "%s IN (SELECT o.uuid FROM %s AS o WHERE o.deleted = 0 AND ",
                          column, kz_kind_get_info (facet->field->ref_kind)->table);
  {
    g_autofree char *via = g_strconcat ("o.", facet->via->name, NULL);

    append_values (sql, via, facet->via, values);
  }
  g_string_append_c (sql, ')');
}

static void
append_date (KzListFilter  *self,
             GString       *sql,
             const KzFacet *facet,
             const char    *from,
             const char    *to)
{
  /* ISO dates compare as text. */
  g_string_append_printf (sql, "r.%s IS NOT NULL", facet->field->name);
  if (from != NULL)
    {
      g_string_append_printf (sql, " AND r.%s >= ", facet->field->name);
      append_quoted (sql, from);
    }
  if (to != NULL)
    {
      g_string_append_printf (sql, " AND r.%s <= ", facet->field->name);
      append_quoted (sql, to);
    }
}

char *
kz_list_filter_build_condition (KzListFilter *self)
{
  GString *sql;

  g_return_val_if_fail (KZ_IS_LIST_FILTER (self), NULL);

  sql = g_string_new (NULL);
  for (guint i = 0; i < self->table->n_facets; i++)
    {
      const KzFacet *facet = &self->table->facets[i];
      gsize before = sql->len;
      GHashTable *values;

      if (sql->len > 0)
        g_string_append (sql, " AND ");
      if (facet->type == KZ_FACET_DATE)
        {
          const char *from = kz_list_filter_get_date (self, facet->id, FALSE);
          const char *to = kz_list_filter_get_date (self, facet->id, TRUE);

          if (from != NULL || to != NULL)
            append_date (self, sql, facet, from, to);
          else
            g_string_truncate (sql, before);
        }
      else if ((values = g_hash_table_lookup (self->selected, facet->id)))
        append_facet (self, sql, facet, values);
      else
        g_string_truncate (sql, before);
    }

  return g_string_free (sql, sql->len == 0);
}
