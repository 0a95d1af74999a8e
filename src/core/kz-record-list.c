/* kz-record-list.c
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

#define G_LOG_DOMAIN "kz-record-list"

#include "config.h"

#include "kz-record-list.h"
#include "kz-record-query.h"

typedef struct
{
  gint64    rowid;
  KzRecord *record;
} CacheEntry;

struct _KzRecordList
{
  GObject     parent_instance;

  KzStore    *store;
  KzKind      kind;
  char       *search;
  GStrv       search_refs;
  char       *condition;
  char       *sort_field;
  struct _SortFunc *sort_func;
  gboolean    descending;
  guint       total;
  gboolean    total_valid;   /* until kz_record_list_invalidate() */

  GArray     *rowids;        /* gint64, the rows in order */
  GHashTable *cache;         /* rowid → GList link in lru, of CacheEntry */
  GHashTable *stale;         /* rowids of records read before the data changed */
  GQueue      lru;           /* most recently used first */
  guint       cache_size;
  guint       generation;    /* of the latest refresh started */
  GArray     *base;          /* the rows of filter and sort without a search */
  GHashTable *sort_keys;     /* condition and sort field → KzSortKeys */
  GArray     *title_order;   /* rowids of the live records by title, or NULL */
  guint       data_epoch;    /* of the data the sort keys were read from */
};

/* Sort values of this many columns (a few MB each at 100 000 rows) are
 * kept while the data does not change. */
#define SORT_KEYS_KEPT 4

static void list_model_iface_init (GListModelInterface *iface);
static void sort_func_unref       (struct _SortFunc    *func);

G_DEFINE_FINAL_TYPE_WITH_CODE (KzRecordList, kz_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_clear_object (&entry->record);
  g_free (entry);
}

static void
cache_clear (KzRecordList *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear_full (&self->lru, cache_entry_free);
}

/* The records read so far may be shown: their rows change on the next
 * refresh even where the rows stay. */
static void
cache_mark_stale (KzRecordList *self)
{
  for (GList *link = self->lru.head; link != NULL; link = link->next)
    {
      gint64 rowid = ((CacheEntry *)link->data)->rowid;

      g_hash_table_add (self->stale, g_memdup2 (&rowid, sizeof rowid));
    }
}

static void
cache_trim (KzRecordList *self)
{
  while (self->lru.length > self->cache_size)
    {
      CacheEntry *entry = g_queue_pop_tail (&self->lru);

      g_hash_table_remove (self->cache, &entry->rowid);
      cache_entry_free (entry);
    }
}

static KzRecord *
cache_lookup (KzRecordList *self,
              gint64        rowid)
{
  GList *link = g_hash_table_lookup (self->cache, &rowid);

  if (link == NULL)
    return NULL;

  g_queue_unlink (&self->lru, link);
  g_queue_push_head_link (&self->lru, link);
  return ((CacheEntry *)link->data)->record;
}

static void
cache_insert (KzRecordList *self,
              gint64        rowid,
              KzRecord     *record)
{
  CacheEntry *entry = g_new0 (CacheEntry, 1);

  entry->rowid = rowid;
  entry->record = g_object_ref (record);
  g_queue_push_head (&self->lru, entry);
  g_hash_table_insert (self->cache, &entry->rowid, self->lru.head);
  cache_trim (self);
}

/* GListModel */

static GType
kz_record_list_get_item_type (GListModel *model)
{
  return KZ_TYPE_RECORD;
}

static guint
kz_record_list_get_n_items (GListModel *model)
{
  return KZ_RECORD_LIST (model)->rowids->len;
}

static gpointer
kz_record_list_get_item (GListModel *model,
                         guint       position)
{
  KzRecordList *self = KZ_RECORD_LIST (model);
  g_autoptr(GError) error = NULL;
  g_autoptr(KzRecord) record = NULL;
  KzRecord *cached;
  gint64 rowid;

  if (position >= self->rowids->len)
    return NULL;

  rowid = g_array_index (self->rowids, gint64, position);
  if ((cached = cache_lookup (self, rowid)))
    return g_object_ref (cached);

  /* A row removed since the last refresh (the trash was emptied)
   * shows as an empty record until the refresh that follows. */
  record = kz_store_get_by_rowid (self->store, self->kind, rowid, &error);
  if (record == NULL)
    {
      g_debug ("Row %" G_GINT64_FORMAT " is gone: %s", rowid, error->message);
      record = kz_record_new (self->kind);
    }
  cache_insert (self, rowid, record);

  return g_steal_pointer (&record);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = kz_record_list_get_item_type;
  iface->get_n_items = kz_record_list_get_n_items;
  iface->get_item = kz_record_list_get_item;
}

/* GObject */

static void
kz_record_list_finalize (GObject *object)
{
  KzRecordList *self = (KzRecordList *)object;

  cache_clear (self);
  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->sort_keys, g_hash_table_unref);
  g_clear_pointer (&self->title_order, g_array_unref);
  g_clear_pointer (&self->sort_func, sort_func_unref);
  g_clear_pointer (&self->search_refs, g_strfreev);
  g_clear_pointer (&self->condition, g_free);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->stale, g_hash_table_unref);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->sort_field, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kz_record_list_parent_class)->finalize (object);
}

static void
kz_record_list_class_init (KzRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kz_record_list_finalize;
}

static void
kz_record_list_init (KzRecordList *self)
{
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->stale = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->sort_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify)_kz_sort_keys_unref);
  g_queue_init (&self->lru);
  self->cache_size = KZ_RECORD_LIST_CACHE_SIZE;
}

KzRecordList *
kz_record_list_new (KzStore *store,
                    KzKind   kind)
{
  KzRecordList *self;

  g_return_val_if_fail (KZ_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  self = g_object_new (KZ_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;

  return self;
}

KzKind
kz_record_list_get_kind (KzRecordList *self)
{
  g_return_val_if_fail (KZ_IS_RECORD_LIST (self), 0);

  return self->kind;
}

KzStore *
kz_record_list_get_store (KzRecordList *self)
{
  g_return_val_if_fail (KZ_IS_RECORD_LIST (self), NULL);

  return self->store;
}

void
kz_record_list_set_search (KzRecordList *self,
                           const char   *search)
{
  g_autofree char *stripped = search ? g_strstrip (g_strdup (search)) : NULL;

  g_return_if_fail (KZ_IS_RECORD_LIST (self));

  g_free (self->search);
  self->search = stripped && *stripped ? g_strdup (search) : NULL;
}

const char *
kz_record_list_get_search (KzRecordList *self)
{
  g_return_val_if_fail (KZ_IS_RECORD_LIST (self), NULL);

  return self->search;
}

void
kz_record_list_set_search_refs (KzRecordList       *self,
                                const char * const *fields)
{
  g_return_if_fail (KZ_IS_RECORD_LIST (self));

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      const KzField *field = kz_kind_get_field (self->kind, fields[i]);

      g_return_if_fail (field != NULL && field->type == KZ_FIELD_REF);
    }

  g_strfreev (self->search_refs);
  self->search_refs = g_strdupv ((char **)fields);
}

void
kz_record_list_set_condition (KzRecordList *self,
                              const char   *condition)
{
  g_return_if_fail (KZ_IS_RECORD_LIST (self));

  if (condition != NULL && *condition == '\0')
    condition = NULL;
  if (g_strcmp0 (condition, self->condition) == 0)
    return;

  g_clear_pointer (&self->base, g_array_unref);
  g_free (self->condition);
  self->condition = g_strdup (condition);
}

const char *
kz_record_list_get_condition (KzRecordList *self)
{
  g_return_val_if_fail (KZ_IS_RECORD_LIST (self), NULL);

  return self->condition;
}

/* A key function shared with the workers that sort by it. */
typedef struct _SortFunc
{
  gatomicrefcount  ref_count;
  KzRecordKeyFunc  func;
  gpointer         data;
  GDestroyNotify   destroy;
} SortFunc;

static SortFunc *
sort_func_ref (SortFunc *func)
{
  g_atomic_ref_count_inc (&func->ref_count);
  return func;
}

static void
sort_func_unref (struct _SortFunc *func)
{
  if (func == NULL || !g_atomic_ref_count_dec (&func->ref_count))
    return;

  if (func->destroy != NULL)
    func->destroy (func->data);
  g_free (func);
}

void
kz_record_list_set_sort (KzRecordList *self,
                         const char   *field,
                         gboolean      descending)
{
  g_return_if_fail (KZ_IS_RECORD_LIST (self));
  g_return_if_fail (field == NULL || kz_kind_get_field (self->kind, field) != NULL);

  if (self->sort_func != NULL || g_strcmp0 (field, self->sort_field) != 0 ||
      !!descending != self->descending)
    g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->sort_func, sort_func_unref);
  g_free (self->sort_field);
  self->sort_field = g_strdup (field);
  self->descending = !!descending;
}

void
kz_record_list_set_sort_func (KzRecordList    *self,
                              KzRecordKeyFunc  func,
                              gpointer         data,
                              GDestroyNotify   destroy,
                              gboolean         descending)
{
  SortFunc *sort;

  g_return_if_fail (KZ_IS_RECORD_LIST (self));
  g_return_if_fail (func != NULL);

  sort = g_new0 (SortFunc, 1);
  g_atomic_ref_count_init (&sort->ref_count);
  sort->func = func;
  sort->data = data;
  sort->destroy = destroy;

  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->sort_func, sort_func_unref);
  g_clear_pointer (&self->sort_field, g_free);
  self->sort_func = sort;
  self->descending = !!descending;
}

const char *
kz_record_list_get_sort_field (KzRecordList *self)
{
  g_return_val_if_fail (KZ_IS_RECORD_LIST (self), NULL);

  return self->sort_field;
}

gboolean
kz_record_list_get_descending (KzRecordList *self)
{
  g_return_val_if_fail (KZ_IS_RECORD_LIST (self), FALSE);

  return self->descending;
}

void
kz_record_list_set_cache_size (KzRecordList *self,
                               guint         size)
{
  g_return_if_fail (KZ_IS_RECORD_LIST (self));
  g_return_if_fail (size > 0);

  self->cache_size = size;
  cache_trim (self);
}

guint
kz_record_list_get_n_cached (KzRecordList *self)
{
  g_return_val_if_fail (KZ_IS_RECORD_LIST (self), 0);

  return self->lru.length;
}

gint64
kz_record_list_get_rowid (KzRecordList *self,
                          guint         position)
{
  g_return_val_if_fail (KZ_IS_RECORD_LIST (self), 0);

  return position < self->rowids->len ? g_array_index (self->rowids, gint64, position) : 0;
}

guint
kz_record_list_find_rowid (KzRecordList *self,
                           gint64        rowid)
{
  g_return_val_if_fail (KZ_IS_RECORD_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->rowids->len; i++)
    if (g_array_index (self->rowids, gint64, i) == rowid)
      return i;

  return G_MAXUINT;
}

guint
kz_record_list_get_total (KzRecordList *self)
{
  g_return_val_if_fail (KZ_IS_RECORD_LIST (self), 0);

  return self->total;
}

/* What a refresh needs, copied so that a worker never reads the list. */
typedef struct
{
  KzStore  *store;
  KzKind    kind;
  char     *search;
  GStrv     search_refs;
  char     *condition;
  char     *sort_field;
  SortFunc *sort_func;
  gboolean  descending;
  guint     generation;
  GArray   *base;       /* of an earlier query with the same filter and sort, or NULL */
  gint64    total;      /* live records as counted before, or -1 */
  char     *keys_name;  /* of the sort keys in the list's table, or NULL */
  KzSortKeys *keys;     /* of an earlier query, or NULL; read ones are left here */
  GArray   *title_order; /* likewise */
  guint     data_epoch;
} Query;

typedef struct
{
  GArray *base;
  GArray *rowids;
  guint   total;
} Result;

static char *
sort_keys_name (KzRecordList *self)
{
  if (self->sort_func != NULL)
    return NULL;

  /* No field is the title. */
  if (self->sort_field == NULL)
    {
      const KzKindInfo *info = kz_kind_get_info (self->kind);

      return g_strconcat (info->fields[info->title_field].name, "\n",
                          self->condition ? self->condition : "", NULL);
    }
  return g_strconcat (self->sort_field, "\n",
                      self->condition ? self->condition : "", NULL);
}

/* On the list's thread, once @query is done. */
static void
keep_sort_keys (KzRecordList *self,
                Query        *query)
{
  if (query->data_epoch == self->data_epoch && self->title_order == NULL &&
      query->title_order != NULL)
    self->title_order = g_array_ref (query->title_order);

  if (query->keys == NULL || query->keys_name == NULL || query->data_epoch != self->data_epoch ||
      g_hash_table_contains (self->sort_keys, query->keys_name))
    return;

  if (g_hash_table_size (self->sort_keys) >= SORT_KEYS_KEPT)
    g_hash_table_remove_all (self->sort_keys);
  g_hash_table_insert (self->sort_keys, g_strdup (query->keys_name),
                       _kz_sort_keys_ref (query->keys));
}

static void
query_free (gpointer data)
{
  Query *query = data;

  g_clear_object (&query->store);
  g_clear_pointer (&query->base, g_array_unref);
  g_clear_pointer (&query->keys, _kz_sort_keys_unref);
  g_clear_pointer (&query->title_order, g_array_unref);
  g_clear_pointer (&query->keys_name, g_free);
  g_clear_pointer (&query->sort_func, sort_func_unref);
  g_strfreev (query->search_refs);
  g_free (query->search);
  g_free (query->condition);
  g_free (query->sort_field);
  g_free (query);
}

static void
result_free (gpointer data)
{
  Result *result = data;

  g_clear_pointer (&result->base, g_array_unref);
  g_clear_pointer (&result->rowids, g_array_unref);
  g_free (result);
}

static Query *
query_new (KzRecordList *self)
{
  Query *query = g_new0 (Query, 1);

  query->store = g_object_ref (self->store);
  query->kind = self->kind;
  query->search = g_strdup (self->search);
  query->search_refs = g_strdupv (self->search_refs);
  query->condition = g_strdup (self->condition);
  query->sort_field = g_strdup (self->sort_field);
  query->sort_func = self->sort_func ? sort_func_ref (self->sort_func) : NULL;
  query->descending = self->descending;
  query->generation = ++self->generation;
  query->base = self->base ? g_array_ref (self->base) : NULL;
  query->total = self->total_valid ? (gint64)self->total : -1;
  query->keys_name = sort_keys_name (self);
  query->data_epoch = self->data_epoch;
  query->title_order = self->title_order ? g_array_ref (self->title_order) : NULL;
  if (query->keys_name != NULL && query->base == NULL)
    {
      KzSortKeys *keys = g_hash_table_lookup (self->sort_keys, query->keys_name);

      query->keys = keys ? _kz_sort_keys_ref (keys) : NULL;
    }

  return query;
}

static int
compare_rowids (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

/* May run in a worker thread: touches only @query and the store. */
static Result *
query_run (Query        *query,
           GCancellable *cancellable,
           GError      **error)
{
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) base = query->base ? g_array_ref (query->base) : NULL;
  GError *local_error = NULL;
  Result *result;
  gint64 total = query->total;

  if (base == NULL &&
      !(base = _kz_record_query_sorted (query->store, query->kind, query->condition,
                                        query->sort_field,
                                        query->sort_func ? query->sort_func->func : NULL,
                                        query->sort_func ? query->sort_func->data : NULL,
                                        query->descending, &query->keys,
                                        &query->title_order, error)))
    return NULL;

  /* Without filters the sorted rows are all live records; counting
   * them scans the table. */
  if (total < 0 && query->condition == NULL)
    total = base->len;
  if (total < 0 && (total = _kz_record_query_count (query->store, query->kind, error)) < 0)
    return NULL;

  if (query->search != NULL && g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (query->search != NULL &&
      !(matches = _kz_record_query_search (query->store, query->kind, query->search,
                                           (const char * const *)query->search_refs,
                                           cancellable, &local_error)) &&
      local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  result = g_new0 (Result, 1);
  result->total = total;
  if (matches == NULL)
    result->rowids = g_array_ref (base);
  else
    {
      /* The matches, in the order of the sorted rows. */
      result->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
      /* No match: an empty GArray's data may be NULL, which bsearch()
       * must not be given. */
      for (guint i = 0; matches->len > 0 && i < base->len; i++)
        if (bsearch (&g_array_index (base, gint64, i), matches->data, matches->len,
                     sizeof (gint64), compare_rowids))
          g_array_append_val (result->rowids, g_array_index (base, gint64, i));
    }
  result->base = g_steal_pointer (&base);

  return result;
}

/* How many rows at the start and at the end @new keeps from @old. */
static void
find_common_ends (GArray *old,
                  GArray *new,
                  guint  *prefix,
                  guint  *suffix)
{
  guint n = MIN (old->len, new->len);
  guint p = 0;
  guint s = 0;

  while (p < n && g_array_index (old, gint64, p) == g_array_index (new, gint64, p))
    p++;
  while (s < n - p &&
         g_array_index (old, gint64, old->len - 1 - s) == g_array_index (new, gint64, new->len - 1 - s))
    s++;

  *prefix = p;
  *suffix = s;
}

/* The new positions of the kept rows whose records were read: views
 * may show them, and their data may have changed. */
static GArray *
find_read_rows (KzRecordList *self,
                GArray       *old,
                GArray       *new,
                guint         prefix,
                guint         suffix)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));

  cache_mark_stale (self);
  if (g_hash_table_size (self->stale) == 0)
    return positions;

  for (guint i = 0; i < prefix; i++)
    if (g_hash_table_contains (self->stale, &g_array_index (old, gint64, i)))
      g_array_append_val (positions, i);
  for (guint i = old->len - suffix; i < old->len; i++)
    if (g_hash_table_contains (self->stale, &g_array_index (old, gint64, i)))
      {
        guint position = i - old->len + new->len;

        g_array_append_val (positions, position);
      }

  return positions;
}

/* Takes over the rows of @result; records read before may have changed
 * since, so the cache starts again.  Only the rows between those the
 * new rows keep at both ends change, so that views neither look for
 * their rows among all new ones (reading every record) nor lose their
 * place; the kept rows that were read change one by one. */
static void
install_result (KzRecordList *self,
                Result       *result)
{
  g_autoptr(GArray) old = self->rowids;
  g_autoptr(GArray) read = NULL;
  guint prefix, suffix;

  self->rowids = g_steal_pointer (&result->rowids);
  find_common_ends (old, self->rowids, &prefix, &suffix);
  read = find_read_rows (self, old, self->rowids, prefix, suffix);
  g_hash_table_remove_all (self->stale);
  cache_clear (self);
  g_clear_pointer (&self->base, g_array_unref);
  self->base = g_steal_pointer (&result->base);
  self->total = result->total;
  self->total_valid = TRUE;

  if (old->len - prefix - suffix > 0 || self->rowids->len - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix,
                                self->rowids->len - prefix - suffix);
  for (guint i = 0; i < read->len; i++)
    g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (read, guint, i), 1, 1);
}

void
kz_record_list_invalidate (KzRecordList *self)
{
  g_return_if_fail (KZ_IS_RECORD_LIST (self));

  g_clear_pointer (&self->base, g_array_unref);
  g_hash_table_remove_all (self->sort_keys);
  g_clear_pointer (&self->title_order, g_array_unref);
  self->data_epoch++;
  self->total_valid = FALSE;
  cache_mark_stale (self);
  cache_clear (self);
}

gboolean
kz_record_list_refresh (KzRecordList  *self,
                        GError       **error)
{
  Query *query;
  Result *result;

  g_return_val_if_fail (KZ_IS_RECORD_LIST (self), FALSE);

  query = query_new (self);
  result = query_run (query, NULL, error);
  if (result != NULL)
    keep_sort_keys (self, query);
  query_free (query);
  if (result == NULL)
    return FALSE;

  install_result (self, result);
  result_free (result);
  return TRUE;
}

static void
refresh_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  Result *result;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(result = query_run (task_data, cancellable, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, result_free);
}

void
kz_record_list_refresh_async (KzRecordList        *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KZ_IS_RECORD_LIST (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kz_record_list_refresh_async);
  g_task_set_task_data (task, query_new (self), query_free);
  g_task_run_in_thread (task, refresh_worker);
}

/* The rows change here, on the thread of the caller; the result of a
 * refresh overtaken by a later one is dropped. */
gboolean
kz_record_list_refresh_finish (KzRecordList  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  Query *query;
  Result *rows;

  g_return_val_if_fail (KZ_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* Sort values read before a search was cancelled still hold. */
  query = g_task_get_task_data (G_TASK (result));
  keep_sort_keys (self, query);
  if (!(rows = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;

  if (query->generation == self->generation)
    install_result (self, rows);
  result_free (rows);

  return TRUE;
}
