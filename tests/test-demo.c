/* test-demo.c
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

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "kz-demo.h"
#include "kz-store.h"

#define SEED 2026

typedef struct
{
  char    *dir;
  KzStore *store;
} TempStore;

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        remove_tree (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

static void
temp_store_free (TempStore *t)
{
  g_clear_object (&t->store);
  remove_tree (t->dir);
  g_free (t->dir);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TempStore, temp_store_free)

static TempStore *
temp_store_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TempStore *t = g_new0 (TempStore, 1);

  t->dir = g_dir_make_tmp ("kz-demo-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (t->dir, "portfolio.db", NULL);
  t->store = kz_store_open (path, &error);
  g_assert_no_error (error);

  return t;
}

static void
set_today (GDate *date,
           int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 15, G_DATE_MARCH, (GDateYear)year);
}

static TempStore *
generate (guint   n_projects,
          guint32 seed,
          int     year)
{
  g_autoptr(GError) error = NULL;
  TempStore *t = temp_store_new ();
  GDate today;

  set_today (&today, year);
  g_assert_true (kz_demo_generate (t->store, n_projects, seed, &today, NULL, &error));
  g_assert_no_error (error);

  return t;
}

static GListModel *
list (KzStore *store,
      KzKind   kind)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = kz_store_list (store, kind, &error);

  g_assert_no_error (error);
  return model;
}

/* UUID -> KzRecord of every live record of @kind. */
static GHashTable *
records_by_uuid (KzStore *store,
                 KzKind   kind)
{
  g_autoptr(GListModel) model = list (store, kind);
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      KzRecord *record = g_list_model_get_item (model, i);

      g_hash_table_insert (map, g_strdup (kz_record_get_uuid (record)), record);
    }

  return map;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The sorted UUIDs linked to @uuid, which is on the link's a side. */
static GPtrArray *
linked_uuids (KzStore    *store,
              KzLink      link,
              const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = kz_store_list_linked (store, link, uuid, TRUE, &error);
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (model, i);

      g_ptr_array_add (uuids, g_strdup (kz_record_get_uuid (record)));
    }
  g_ptr_array_sort (uuids, compare_strings);

  return uuids;
}

static void
assert_uuid_v4 (const char *uuid)
{
  g_autofree char *lower = g_ascii_strdown (uuid, -1);

  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpstr (uuid, ==, lower);
  g_assert_cmpint (uuid[14], ==, '4');
  g_assert_nonnull (strchr ("89ab", uuid[19]));
}

/* Same UUIDs and the same canonical text in every field. */
static void
assert_same_records (KzStore *a,
                     KzStore *b,
                     KzKind   kind)
{
  const KzKindInfo *info = kz_kind_get_info (kind);
  g_autoptr(GListModel) records = list (a, kind);
  g_autoptr(GHashTable) others = records_by_uuid (b, kind);

  g_assert_cmpuint (g_list_model_get_n_items (records), ==, g_hash_table_size (others));

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);
      KzRecord *other = g_hash_table_lookup (others, kz_record_get_uuid (record));

      assert_uuid_v4 (kz_record_get_uuid (record));
      g_assert_nonnull (other);
      for (guint j = 0; j < info->n_fields; j++)
        {
          g_autofree char *text = kz_record_dup_text (record, info->fields[j].name);
          g_autofree char *other_text = kz_record_dup_text (other, info->fields[j].name);

          g_assert_cmpstr (text, ==, other_text);
        }
    }
}

/* Same links; returns how many there are. */
static guint
assert_same_links (KzStore *a,
                   KzStore *b,
                   KzLink   link)
{
  g_autoptr(GListModel) records = list (a, kz_link_get_info (link)->a_kind);
  guint total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);
      g_autoptr(GPtrArray) mine = linked_uuids (a, link, kz_record_get_uuid (record));
      g_autoptr(GPtrArray) theirs = linked_uuids (b, link, kz_record_get_uuid (record));

      g_assert_cmpuint (mine->len, ==, theirs->len);
      for (guint j = 0; j < mine->len; j++)
        g_assert_cmpstr (g_ptr_array_index (mine, j), ==, g_ptr_array_index (theirs, j));
      total += mine->len;
    }

  return total;
}

static void
test_deterministic (void)
{
  g_autoptr(TempStore) a = generate (50, SEED, 2026);
  g_autoptr(TempStore) b = generate (50, SEED, 2026);

  for (KzKind kind = 0; kind < KZ_N_KINDS; kind++)
    {
      g_assert_cmpuint (kz_store_count (a->store, kind), >, 0);
      assert_same_records (a->store, b->store, kind);
    }

  g_assert_cmpuint (assert_same_links (a->store, b->store, KZ_LINK_PROJECT_ORGANISATION), >, 0);
  g_assert_cmpuint (assert_same_links (a->store, b->store, KZ_LINK_PARTNERSHIP_ORGANISATION), >, 0);
  g_assert_cmpuint (assert_same_links (a->store, b->store, KZ_LINK_APPLICATION_PROJECT), >, 0);
  assert_same_links (a->store, b->store, KZ_LINK_PARTNERSHIP_PROJECT);
  assert_same_links (a->store, b->store, KZ_LINK_TRAINING_PROJECT);
}

static void
test_other_seed (void)
{
  g_autoptr(TempStore) a = generate (50, SEED, 2026);
  g_autoptr(TempStore) b = generate (50, SEED + 1, 2026);
  g_autoptr(GHashTable) mine = records_by_uuid (a->store, KZ_KIND_PROJECT);
  g_autoptr(GListModel) theirs = list (b->store, KZ_KIND_PROJECT);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  KzRecord *record;
  guint new_titles = 0;

  g_hash_table_iter_init (&iter, mine);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&record))
    g_hash_table_add (titles, (gpointer)kz_record_get_title (record));

  for (guint i = 0; i < g_list_model_get_n_items (theirs); i++)
    {
      g_autoptr(KzRecord) other = g_list_model_get_item (theirs, i);

      g_assert_false (g_hash_table_contains (mine, kz_record_get_uuid (other)));
      new_titles += !g_hash_table_contains (titles, kz_record_get_title (other));
    }

  g_assert_cmpuint (new_titles, >, 25);
}

static int
days_between (const char *earlier,
              const char *later)
{
  GDate a, b;
  int y, m, d;

  g_assert_cmpint (sscanf (earlier, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&a, 1);
  g_date_set_dmy (&a, (GDateDay)d, m, (GDateYear)y);
  g_assert_cmpint (sscanf (later, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&b, 1);
  g_date_set_dmy (&b, (GDateDay)d, m, (GDateYear)y);

  return g_date_days_between (&a, &b);
}

/* Another today gives the same records with every date moved along. */
static void
test_relative_dates (void)
{
  g_autoptr(TempStore) a = generate (30, SEED, 2026);
  g_autoptr(TempStore) b = generate (30, SEED, 2030);
  g_autoptr(GListModel) projects = list (a->store, KZ_KIND_PROJECT);
  g_autoptr(GHashTable) later = records_by_uuid (b->store, KZ_KIND_PROJECT);
  GDate from, to;
  guint dated = 0;

  set_today (&from, 2026);
  set_today (&to, 2030);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(KzRecord) project = g_list_model_get_item (projects, i);
      KzRecord *moved = g_hash_table_lookup (later, kz_record_get_uuid (project));
      const char *start = kz_record_get_string (project, "start_date");

      g_assert_nonnull (moved);
      g_assert_cmpstr (kz_record_get_title (project), ==, kz_record_get_title (moved));
      if (start == NULL)
        continue;
      g_assert_cmpint (days_between (start, kz_record_get_string (moved, "start_date")), ==,
                       g_date_days_between (&from, &to));
      dated++;
    }

  g_assert_cmpuint (dated, >, 0);
}

static void
assert_all_present (KzStore            *store,
                    KzKind              kind,
                    const char         *field,
                    const KzVocabulary *vocab)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = kz_store_count_by (store, kind, field, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < vocab->n_terms; i++)
    if (!g_hash_table_contains (counts, vocab->terms[i].id))
      g_error ("No %s with %s “%s”", kz_kind_get_info (kind)->name, field, vocab->terms[i].id);
}

static void
assert_count (KzStore *store,
              KzKind   kind,
              guint    lo,
              guint    hi)
{
  guint n = kz_store_count (store, kind);

  if (n < lo || n > hi)
    g_error ("%u %s records, expected %u to %u", n, kz_kind_get_info (kind)->name, lo, hi);
}

/* Every choice is a term of its vocabulary, every text valid UTF-8 and
 * every e-mail address plain ASCII. */
static void
assert_valid_values (KzStore *store,
                     KzKind   kind)
{
  const KzKindInfo *info = kz_kind_get_info (kind);
  g_autoptr(GListModel) records = list (store, kind);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);

      g_assert_true (kz_record_validate (record, NULL));
      for (guint j = 0; j < info->n_fields; j++)
        {
          const KzField *f = &info->fields[j];
          g_autofree char *text = kz_record_dup_text (record, f->name);

          if (text == NULL)
            continue;
          g_assert_true (g_utf8_validate (text, -1, NULL));
          if (f->type == KZ_FIELD_CHOICE)
            g_assert_nonnull (kz_vocabulary_lookup (f->vocab, text));
          if (f->type == KZ_FIELD_LIST && f->vocab != NULL)
            for (const char * const *item = kz_record_get_list (record, f->name); *item; item++)
              g_assert_nonnull (kz_vocabulary_lookup (f->vocab, *item));
          if (f->flags & KZ_FIELD_FLAG_EMAIL)
            g_assert_true (g_str_is_ascii (text));
        }
    }
}

static void
assert_projects (KzStore *store)
{
  g_autoptr(GHashTable) orgs = records_by_uuid (store, KZ_KIND_ORGANISATION);
  g_autoptr(GListModel) projects = list (store, KZ_KIND_PROJECT);
  g_autoptr(GHashTable) milestones = kz_store_count_by (store, KZ_KIND_MILESTONE, "project_id", NULL);
  g_autoptr(GHashTable) statuses = kz_store_count_by (store, KZ_KIND_PROJECT, "status", NULL);

  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (statuses, "running")), >,
                    GPOINTER_TO_UINT (g_hash_table_lookup (statuses, "cancelled")));

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(KzRecord) project = g_list_model_get_item (projects, i);
      const char *lead = kz_record_get_string (project, "lead_organisation_id");
      const char *uuid = kz_record_get_uuid (project);
      g_autoptr(GPtrArray) partners = linked_uuids (store, KZ_LINK_PROJECT_ORGANISATION, uuid);
      guint n_milestones = GPOINTER_TO_UINT (g_hash_table_lookup (milestones, uuid));
      gint64 planned = kz_record_get_int (project, "budget_planned");

      g_assert_nonnull (lead);
      g_assert_true (g_hash_table_contains (orgs, lead));
      g_assert_cmpuint (partners->len, <=, 3);
      g_assert_false (g_ptr_array_find_with_equal_func (partners, lead, g_str_equal, NULL));
      g_assert_cmpuint (n_milestones, >=, 2);
      g_assert_cmpuint (n_milestones, <=, 5);
      g_assert_cmpint (planned, >=, 5000 * 100);
      g_assert_cmpint (planned, <=, 250000 * 100);
      g_assert_cmpint (kz_record_get_int (project, "budget_actual"), <=, planned * 12 / 10);
    }
}

static void
assert_registrations (KzStore *store)
{
  g_autoptr(GHashTable) trainings = records_by_uuid (store, KZ_KIND_TRAINING);
  g_autoptr(GListModel) registrations = list (store, KZ_KIND_REGISTRATION);
  g_autoptr(GHashTable) booked = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (registrations); i++)
    {
      g_autoptr(KzRecord) registration = g_list_model_get_item (registrations, i);
      const char *training_id = kz_record_get_string (registration, "training_id");
      KzRecord *training = g_hash_table_lookup (trainings, training_id);
      gint64 seats = GPOINTER_TO_INT (g_hash_table_lookup (booked, training_id));

      g_assert_nonnull (training);
      seats += kz_record_get_int (registration, "participants");
      g_assert_cmpint (seats, <=, kz_record_get_int (training, "capacity"));
      g_hash_table_insert (booked, (gpointer)kz_record_get_uuid (training), GINT_TO_POINTER (seats));
    }

  g_assert_cmpuint (g_hash_table_size (booked), >, 0);
}

static void
assert_link_counts (KzStore *store,
                    KzLink   link,
                    guint    lo,
                    guint    hi)
{
  g_autoptr(GListModel) records = list (store, kz_link_get_info (link)->a_kind);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);
      g_autoptr(GPtrArray) linked = linked_uuids (store, link, kz_record_get_uuid (record));

      g_assert_cmpuint (linked->len, >=, lo);
      g_assert_cmpuint (linked->len, <=, hi);
    }
}

/* What is still open was due recently: a team that uses the tool has
 * closed the rest, so "Due Soon" shows a handful, not years of backlog. */
static void
assert_nothing_long_overdue (KzStore *store,
                             KzKind   kind)
{
  g_autoptr(GListModel) records = list (store, kind);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 15, 0, 0, 0);
  g_autoptr(GDateTime) limit = g_date_time_add_days (now, -121);
  g_autofree char *oldest = g_date_time_format (limit, "%Y-%m-%d");
  guint overdue = 0;

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);
      const char *due = kz_record_get_string (record, "due_date");

      if (due == NULL || kz_record_get_bool (record, "done") || strcmp (due, "2026-03-15") >= 0)
        continue;
      if (strcmp (due, oldest) < 0)
        g_error ("%s “%s” open since %s", kz_kind_get_info (kind)->name, kz_record_get_title (record), due);
      overdue++;
    }

  g_assert_cmpuint (overdue, >, 0);
}

static void
test_realism (void)
{
  g_autoptr(TempStore) t = generate (1000, SEED, 2026);

  assert_all_present (t->store, KZ_KIND_ORGANISATION, "district", &kz_vocab_district);
  assert_all_present (t->store, KZ_KIND_ORGANISATION, "umbrella", &kz_vocab_umbrella);
  assert_all_present (t->store, KZ_KIND_PROJECT, "status", &kz_vocab_status);

  assert_count (t->store, KZ_KIND_PROJECT, 1000, 1000);
  assert_count (t->store, KZ_KIND_ORGANISATION, 450, 550);
  assert_count (t->store, KZ_KIND_CONTACT, 500, 1500);
  assert_count (t->store, KZ_KIND_ASSESSMENT, 200, 400);
  assert_count (t->store, KZ_KIND_FIRM, 90, 110);
  assert_count (t->store, KZ_KIND_MILESTONE, 2000, 5000);
  assert_count (t->store, KZ_KIND_PARTNERSHIP, 180, 220);
  assert_count (t->store, KZ_KIND_TRAINING, 90, 110);
  assert_count (t->store, KZ_KIND_SESSION, 100, 300);
  assert_count (t->store, KZ_KIND_PROGRAMME, 8, 12);
  assert_count (t->store, KZ_KIND_DEADLINE, 8, 40);
  assert_count (t->store, KZ_KIND_APPLICATION, 300, 370);
  assert_count (t->store, KZ_KIND_VISIT, 225, 275);
  assert_count (t->store, KZ_KIND_TASK, 100, 600);

  for (KzKind kind = 0; kind < KZ_N_KINDS; kind++)
    assert_valid_values (t->store, kind);

  assert_projects (t->store);
  assert_registrations (t->store);
  assert_link_counts (t->store, KZ_LINK_APPLICATION_PROJECT, 1, 3);
  assert_link_counts (t->store, KZ_LINK_PARTNERSHIP_ORGANISATION, 1, 2);
  assert_link_counts (t->store, KZ_LINK_PARTNERSHIP_PROJECT, 0, 2);
  assert_nothing_long_overdue (t->store, KZ_KIND_MILESTONE);
  assert_nothing_long_overdue (t->store, KZ_KIND_TASK);
}

static void
count_changed_cb (KzStore    *store,
                  guint       kind,
                  const char *uuid,
                  guint      *count)
{
  (*count)++;
}

/* Even one project brings one of everything, in one transaction. */
static void
test_small (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(TempStore) empty = generate (0, SEED, 2026);
  guint changes = 0;

  g_signal_connect (t->store, "changed", G_CALLBACK (count_changed_cb), &changes);
  g_assert_true (kz_demo_generate (t->store, 1, SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);

  for (KzKind kind = 0; kind < KZ_N_KINDS; kind++)
    assert_count (t->store, kind, 1, G_MAXUINT);

  assert_count (empty->store, KZ_KIND_PROJECT, 0, 0);
  assert_count (empty->store, KZ_KIND_APPLICATION, 0, 0);
  assert_count (empty->store, KZ_KIND_ORGANISATION, 12, 12);
}

typedef struct
{
  KzStore      *store;
  GCancellable *cancellable;
  GError       *error;
  gboolean      result;
} CancelJob;

static gpointer
cancel_job_run (gpointer data)
{
  CancelJob *job = data;

  job->result = kz_demo_generate (job->store, 50000, SEED, NULL, job->cancellable, &job->error);
  return NULL;
}

static void
test_cancel (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CancelJob job = { t->store, cancellable, NULL, TRUE };
  GThread *thread;

  /* Cancelled before it starts. */
  g_cancellable_cancel (cancellable);
  g_assert_false (kz_demo_generate (t->store, 10, SEED, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (kz_store_is_empty (t->store));

  /* Cancelled half way: everything written so far is rolled back. */
  g_cancellable_reset (cancellable);
  thread = g_thread_new ("demo", cancel_job_run, &job);
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);

  g_assert_false (job.result);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&job.error);
  g_assert_true (kz_store_is_empty (t->store));

  /* The store is usable afterwards. */
  g_clear_error (&error);
  g_assert_true (kz_demo_generate (t->store, 5, SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_count (t->store, KZ_KIND_PROJECT, 5, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/other-seed", test_other_seed);
  g_test_add_func ("/demo/relative-dates", test_relative_dates);
  g_test_add_func ("/demo/realism", test_realism);
  g_test_add_func ("/demo/small", test_small);
  g_test_add_func ("/demo/cancel", test_cancel);

  return g_test_run ();
}
