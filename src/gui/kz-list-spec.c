/* kz-list-spec.c
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

#define G_LOG_DOMAIN "kz-list-spec"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kz-format.h"
#include "kz-list-spec.h"

/* Shared helpers */

static char *
value_as_int_text (KzRecord        *record,
                   const KzLookups *lookups)
{
  return kz_format_int (kz_lookups_get_value (lookups, kz_record_get_uuid (record)));
}

static gint64
value_of_record (KzRecord        *record,
                 const KzLookups *lookups)
{
  return kz_lookups_get_value (lookups, kz_record_get_uuid (record));
}

/* Projects: the district of the lead organisation */

/* The district of the live lead organisation, or NULL. */
static const char *
project_district (KzRecord        *record,
                  const KzLookups *lookups)
{
  const char *lead = kz_record_get_string (record, "lead_organisation_id");

  if (lead == NULL || lookups->choices == NULL)
    return NULL;

  return g_hash_table_lookup (lookups->choices, lead);
}

static char *
project_district_text (KzRecord        *record,
                       const KzLookups *lookups)
{
  const char *district = project_district (record, lookups);

  if (district == NULL)
    return NULL;

  return g_strdup (kz_vocabulary_get_label (&kz_vocab_district, district));
}

static gint64
project_district_value (KzRecord        *record,
                        const KzLookups *lookups)
{
  const char *district = project_district (record, lookups);

  if (district == NULL)
    return -1;

  return kz_vocabulary_get_label_rank (&kz_vocab_district, district);
}

/* Only the districts of the organisations: at 50 000 organisations
 * their whole records took about 90 MB. */
static gboolean
prepare_projects (KzStore       *store,
                  KzLookups     *lookups,
                  GCancellable  *cancellable,
                  GError       **error)
{
  lookups->choices = kz_store_get_choices (store, KZ_KIND_ORGANISATION, "district", error);

  return lookups->choices != NULL;
}

static const KzColumn project_columns[] = {
  { "title", NULL, 240, KZ_COLUMN_EXPAND },
  { "lead_organisation_id", NULL, 220 },
  { "status", NULL, 160 },
  { "health", NULL, 110, KZ_COLUMN_HEALTH },
  { "focus_area", NULL, 260 },
  { NULL, N_("District"), 170, KZ_COLUMN_NONE, project_district_text, project_district_value },
  { "end_date", NULL, 110 },
  { "budget_planned", NULL, 140 },
};

/* Trainings: registered participants */

static gboolean
prepare_trainings (KzStore       *store,
                   KzLookups     *lookups,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_clear_pointer (&lookups->values, g_hash_table_unref);
  lookups->values = kz_store_sum_by (store, KZ_KIND_REGISTRATION,
                                     "training_id", "participants", error);

  return lookups->values != NULL;
}

static const KzColumn training_columns[] = {
  { "title", NULL, 240, KZ_COLUMN_EXPAND },
  { "format", NULL, 200 },
  { "status", NULL, 180 },
  { "capacity", NULL, 90 },
  { NULL, N_("Registered"), 110, KZ_COLUMN_NUMERIC, value_as_int_text, value_of_record },
  { "registration_deadline", NULL, 160 },
};

/* Funding programmes: the next call deadline */

static gboolean
prepare_programmes (KzStore       *store,
                    KzLookups     *lookups,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GListModel) deadlines = kz_store_list (store, KZ_KIND_DEADLINE, error);
  guint n;

  if (deadlines == NULL)
    return FALSE;

  n = g_list_model_get_n_items (deadlines);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) deadline = g_list_model_get_item (deadlines, i);
      const char *date = kz_record_get_string (deadline, "date");
      const char *programme = kz_record_get_string (deadline, "programme_id");
      gint64 next;

      if (date == NULL || programme == NULL || g_strcmp0 (date, lookups->today) < 0)
        continue;

      next = kz_lookups_get_value (lookups, programme);
      if (next == 0 || kz_date_to_number (date) < next)
        kz_lookups_set_value (lookups, programme, kz_date_to_number (date));
    }

  return TRUE;
}

static char *
programme_next_deadline_text (KzRecord        *record,
                              const KzLookups *lookups)
{
  gint64 next = kz_lookups_get_value (lookups, kz_record_get_uuid (record));
  g_autofree char *iso = NULL;

  if (next == 0)
    return NULL;

  iso = kz_date_from_number (next);
  return kz_format_date (iso);
}

static const KzColumn programme_columns[] = {
  { "name", NULL, 240, KZ_COLUMN_EXPAND },
  { "funder", NULL, 240 },
  { "max_amount", NULL, 140 },
  { "rate", NULL, 140 },
  { NULL, N_("Next call deadline"), 190, KZ_COLUMN_NONE, programme_next_deadline_text, value_of_record },
};

static const KzColumn application_columns[] = {
  { "title", NULL, 240, KZ_COLUMN_EXPAND },
  { "programme_id", NULL, 240 },
  { "status", NULL, 150 },
  { "amount_applied", NULL, 170 },
  { "amount_granted", NULL, 170 },
  { "submitted_date", NULL, 140 },
};

/* Site visits: open follow-up tasks */

static gboolean
prepare_visits (KzStore       *store,
                KzLookups     *lookups,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GListModel) tasks = kz_store_list (store, KZ_KIND_TASK, error);
  guint n;

  if (tasks == NULL)
    return FALSE;

  n = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) task = g_list_model_get_item (tasks, i);
      const char *visit = kz_record_get_string (task, "visit_id");

      if (visit != NULL && !kz_record_get_bool (task, "done"))
        kz_lookups_add_value (lookups, visit, 1);
    }

  return TRUE;
}

static const KzColumn visit_columns[] = {
  { "date", NULL, 110 },
  { "organisation_id", NULL, 220, KZ_COLUMN_EXPAND },
  { "advisor", NULL, 180 },
  { "attendees", NULL, 260 },
  { NULL, N_("Open follow-ups"), 140, KZ_COLUMN_NUMERIC, value_as_int_text, value_of_record },
};

static const KzColumn organisation_columns[] = {
  { "name", NULL, 240, KZ_COLUMN_EXPAND },
  { "umbrella", NULL, 230 },
  { "district", NULL, 170 },
  { "city", NULL, 150 },
  { "staff", NULL, 120 },
  { "fields_of_work", NULL, 280 },
};

static const KzColumn firm_columns[] = {
  { "name", NULL, 240, KZ_COLUMN_EXPAND },
  { "sector", NULL, 200 },
  { "size", NULL, 250 },
  { "city", NULL, 150 },
  { "contact_name", NULL, 180 },
};

static const KzColumn partnership_columns[] = {
  { "title", NULL, 240, KZ_COLUMN_EXPAND },
  { "firm_id", NULL, 200 },
  { "form", NULL, 230 },
  { "agreement", NULL, 220 },
  { "pro_bono_hours", NULL, 160 },
  { "start_date", NULL, 110 },
  { "end_date", NULL, 110 },
};

#define SPEC(k, cols, prep, icon, title, desc, ...) \
  [k] = { k, cols, G_N_ELEMENTS (cols), prep, icon, title, desc, __VA_ARGS__ }

static const KzListSpec specs[KZ_N_KINDS] = {
  SPEC (KZ_KIND_PROJECT, project_columns, prepare_projects,
        "emblem-documents-symbolic", N_("No projects yet"),
        N_("Projects are the digitalisation projects you advise on, from the first idea to completion. "
           "Load the demo portfolio from the Overview to see how they are tracked.")),
  SPEC (KZ_KIND_ORGANISATION, organisation_columns, NULL,
        "system-users-symbolic", N_("No organisations yet"),
        N_("Organisations are the welfare providers the centre advises, with their umbrella association and district. "
           "Load the demo portfolio from the Overview to explore them.")),
  SPEC (KZ_KIND_FIRM, firm_columns, NULL,
        "applications-engineering-symbolic", N_("No firms yet"),
        N_("Firms are the companies that share their know-how with welfare organisations, "
           "for example through pro-bono work or mentoring. "
           "Load the demo portfolio from the Overview to explore them.")),
  SPEC (KZ_KIND_PARTNERSHIP, partnership_columns, NULL,
        "emblem-shared-symbolic", N_("No partnerships yet"),
        N_("Partnerships record how a firm and welfare organisations work together, "
           "from the first talk to a signed agreement. "
           "Load the demo portfolio from the Overview to explore them.")),
  SPEC (KZ_KIND_TRAINING, training_columns, prepare_trainings,
        "accessories-dictionary-symbolic", N_("No trainings yet"),
        N_("Trainings are the courses and workshops the centre offers, with their sessions and registrations. "
           "Load the demo portfolio from the Overview to explore them.")),
  SPEC (KZ_KIND_PROGRAMME, programme_columns, prepare_programmes,
        "x-office-spreadsheet-symbolic", N_("No funding programmes yet"),
        N_("Funding programmes are the public and private sources that can pay for digitalisation, "
           "with their call deadlines. Load the demo portfolio from the Overview to explore them.")),
  SPEC (KZ_KIND_APPLICATION, application_columns, NULL,
        "document-send-symbolic", N_("No funding applications yet"),
        N_("Funding applications follow a request to a programme from preparation to the decision. "
           "Load the demo portfolio from the Overview to explore them.")),
  SPEC (KZ_KIND_VISIT, visit_columns, prepare_visits,
        "mark-location-symbolic", N_("No site visits yet"),
        N_("Site visits record when an advisor met an organisation and which follow-up tasks remain open. "
           "Load the demo portfolio from the Overview to explore them."),
        "date", TRUE),
};

const KzListSpec *
kz_list_spec_get (KzKind kind)
{
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  if (specs[kind].columns == NULL)
    return NULL;

  return &specs[kind];
}

char *
kz_kind_format_count (KzKind kind,
                      guint  n)
{
  g_autofree char *number = kz_format_int (n);

  switch (kind)
    {
    case KZ_KIND_PROJECT:
      return g_strdup_printf (g_dngettext (NULL, "%s project", "%s projects", n), number);
    case KZ_KIND_ORGANISATION:
      return g_strdup_printf (g_dngettext (NULL, "%s organisation", "%s organisations", n), number);
    case KZ_KIND_FIRM:
      return g_strdup_printf (g_dngettext (NULL, "%s firm", "%s firms", n), number);
    case KZ_KIND_PARTNERSHIP:
      return g_strdup_printf (g_dngettext (NULL, "%s partnership", "%s partnerships", n), number);
    case KZ_KIND_TRAINING:
      return g_strdup_printf (g_dngettext (NULL, "%s training", "%s trainings", n), number);
    case KZ_KIND_PROGRAMME:
      return g_strdup_printf (g_dngettext (NULL, "%s funding programme", "%s funding programmes", n), number);
    case KZ_KIND_APPLICATION:
      return g_strdup_printf (g_dngettext (NULL, "%s funding application", "%s funding applications", n), number);
    case KZ_KIND_VISIT:
      return g_strdup_printf (g_dngettext (NULL, "%s site visit", "%s site visits", n), number);
    default:
      return g_strdup_printf (g_dngettext (NULL, "%s record", "%s records", n), number);
    }
}

KzLookups *
kz_lookups_new (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  KzLookups *lookups = g_new0 (KzLookups, 1);

  lookups->today = g_date_time_format (now, "%Y-%m-%d");
  lookups->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_atomic_ref_count_init (&lookups->ref_count);

  return lookups;
}

KzLookups *
kz_lookups_ref (KzLookups *lookups)
{
  g_return_val_if_fail (lookups != NULL, NULL);

  g_atomic_ref_count_inc (&lookups->ref_count);
  return lookups;
}

void
kz_lookups_free (KzLookups *lookups)
{
  if (lookups == NULL || !g_atomic_ref_count_dec (&lookups->ref_count))
    return;

  for (guint i = 0; i < KZ_N_KINDS; i++)
    g_clear_pointer (&lookups->titles[i], g_hash_table_unref);
  g_clear_pointer (&lookups->choices, g_hash_table_unref);
  g_clear_pointer (&lookups->values, g_hash_table_unref);
  g_free (lookups->today);
  g_free (lookups);
}

const char *
kz_lookups_get_title (const KzLookups *lookups,
                      KzKind           kind,
                      const char      *uuid)
{
  g_return_val_if_fail (lookups != NULL, NULL);
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  if (uuid == NULL || lookups->titles[kind] == NULL)
    return NULL;

  return g_hash_table_lookup (lookups->titles[kind], uuid);
}

gint64
kz_lookups_get_value (const KzLookups *lookups,
                      const char      *uuid)
{
  const gint64 *value;

  g_return_val_if_fail (lookups != NULL, 0);

  if (uuid == NULL || lookups->values == NULL)
    return 0;

  value = g_hash_table_lookup (lookups->values, uuid);
  return value ? *value : 0;
}

void
kz_lookups_set_value (KzLookups  *lookups,
                      const char *uuid,
                      gint64      value)
{
  g_return_if_fail (lookups != NULL && lookups->values != NULL);
  g_return_if_fail (uuid != NULL);

  g_hash_table_insert (lookups->values, g_strdup (uuid), g_memdup2 (&value, sizeof value));
}

void
kz_lookups_add_value (KzLookups  *lookups,
                      const char *uuid,
                      gint64      delta)
{
  kz_lookups_set_value (lookups, uuid, kz_lookups_get_value (lookups, uuid) + delta);
}

/* Called for every row when sorting by a date: no sscanf(). */
gint64
kz_date_to_number (const char *iso_date)
{
  static const int digits[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
  gint64 number = 0;

  if (iso_date == NULL || strlen (iso_date) < 10 || iso_date[4] != '-' || iso_date[7] != '-')
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    {
      if (!g_ascii_isdigit (iso_date[digits[i]]))
        return 0;
      number = number * 10 + (iso_date[digits[i]] - '0');
    }

  return number;
}

char *
kz_date_from_number (gint64 number)
{
  if (number <= 0)
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d",
                          (int)(number / 10000), (int)(number / 100 % 100), (int)(number % 100));
}

typedef struct
{
  const char *id;
  char       *key;
} RankItem;

static int
rank_item_compare (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (((const RankItem *)a)->key, ((const RankItem *)b)->key);
}

static char *
collate_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);

  return g_utf8_collate_key (folded, -1);
}

/* Alphabetical ranks of a vocabulary's labels, computed once per
 * vocabulary; only proper names use them, so the language does not
 * change them. */
int
kz_vocabulary_get_label_rank (const KzVocabulary *vocab,
                              const char         *id)
{
  static GHashTable *cache;
  G_LOCK_DEFINE_STATIC (cache);
  const KzTerm *term;
  int *ranks;

  g_return_val_if_fail (vocab != NULL, -1);

  if ((term = kz_vocabulary_lookup (vocab, id)) == NULL)
    return -1;

  G_LOCK (cache);
  if (cache == NULL)
    cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if ((ranks = g_hash_table_lookup (cache, vocab)) == NULL)
    {
      g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (RankItem));

      for (guint i = 0; i < vocab->n_terms; i++)
        g_array_append_val (items, ((RankItem) { vocab->terms[i].id,
                                                 collate_key (kz_vocabulary_get_label (vocab, vocab->terms[i].id)) }));
      g_array_sort (items, rank_item_compare);

      ranks = g_new0 (int, vocab->n_terms);
      for (guint i = 0; i < items->len; i++)
        {
          RankItem *item = &g_array_index (items, RankItem, i);

          ranks[kz_vocabulary_lookup (vocab, item->id) - vocab->terms] = i;
          g_free (item->key);
        }
      g_hash_table_insert (cache, (gpointer)vocab, ranks);
    }
  G_UNLOCK (cache);

  return ranks[term - vocab->terms];
}
