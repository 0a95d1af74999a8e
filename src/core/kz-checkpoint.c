/* kz-checkpoint.c
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

#define G_LOG_DOMAIN "kz-checkpoint"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kz-checkpoint.h"

/* Days given for a duty whose legal date has already passed, and for
 * the NIS2 check, which has no date of its own here. */
#define OVERDUE_GRACE_DAYS 28
#define NIS2_DAYS 90

typedef struct
{
  const char *tag;
  const char *title;       /* N_() */
  const char *milestone;   /* N_() */
  const char *legal_date;  /* NULL: none */
} CheckpointInfo;

static const CheckpointInfo infos[KZ_N_CHECKPOINTS] = {
  [KZ_CHECKPOINT_TI] = { "checkpoint-ti", N_("Telematikinfrastruktur connection"),
                         N_("Connected to the Telematikinfrastruktur (KIM, eHBA, SMC-B)"), "2025-07-01" },
  [KZ_CHECKPOINT_SGB_XI_BILLING] = { "checkpoint-sgb-xi-billing", N_("Electronic billing under § 105 SGB XI"),
                                     N_("Care services billed electronically"), "2026-12-01" },
  [KZ_CHECKPOINT_NIS2] = { "checkpoint-nis2", N_("NIS2 applicability and IT security"),
                           N_("NIS2 duties checked and registration done"), NULL },
};

void
kz_checkpoint_free (KzCheckpoint *checkpoint)
{
  if (checkpoint == NULL)
    return;
  g_free (checkpoint->title);
  g_free (checkpoint->reason);
  g_free (checkpoint->due);
  g_free (checkpoint->project);
  g_free (checkpoint);
}

static char *
format_date (GDate *date)
{
  char buf[16];

  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}

static char *
due_date (const char *legal_date,
          GDate      *today,
          guint       days)
{
  GDate date;

  if (legal_date != NULL)
    {
      g_date_clear (&date, 1);
      g_date_set_parse (&date, legal_date);
      if (g_date_compare (&date, today) >= 0)
        return g_strdup (legal_date);
    }
  date = *today;
  g_date_add_days (&date, days);
  return format_date (&date);
}

static KzCheckpoint *
checkpoint_new (KzCheckpointKind  kind,
                GDate            *today,
                char             *reason)
{
  KzCheckpoint *checkpoint = g_new0 (KzCheckpoint, 1);

  checkpoint->kind = kind;
  checkpoint->tag = infos[kind].tag;
  checkpoint->title = g_strdup (g_dgettext (GETTEXT_PACKAGE, infos[kind].title));
  checkpoint->reason = reason;
  checkpoint->due = due_date (infos[kind].legal_date, today,
                              kind == KZ_CHECKPOINT_NIS2 ? NIS2_DAYS : OVERDUE_GRACE_DAYS);
  return checkpoint;
}

static gboolean
is_care_service (KzRecord *organisation)
{
  const char * const *fields = kz_record_get_list (organisation, "fields_of_work");

  return fields != NULL && g_strv_contains (fields, "elderly");
}

static char *
nis2_reason (KzRecord *organisation)
{
  gint64 staff = kz_record_get_int (organisation, "staff");
  gint64 turnover = kz_record_get_int (organisation, "turnover");

  if (kz_record_is_set (organisation, "staff") && staff >= KZ_CHECKPOINT_NIS2_STAFF)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "With %d member of staff, NIS2 can apply (from 50 staff or more than 10 million euro turnover).",
                                         "With %d staff, NIS2 can apply (from 50 staff or more than 10 million euro turnover).",
                                         (gulong)staff),
                            (int)staff);
  if (kz_record_is_set (organisation, "turnover") && turnover > KZ_CHECKPOINT_NIS2_TURNOVER)
    return g_strdup (_("With a turnover above 10 million euro, NIS2 can apply."));
  return NULL;
}

GPtrArray *
kz_checkpoint_evaluate (KzRecord *organisation,
                        GDate    *today)
{
  g_autoptr(GPtrArray) checkpoints = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_checkpoint_free);
  char *reason;

  g_return_val_if_fail (KZ_IS_RECORD (organisation), NULL);
  g_return_val_if_fail (kz_record_get_kind (organisation) == KZ_KIND_ORGANISATION, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (is_care_service (organisation))
    {
      g_ptr_array_add (checkpoints,
                       checkpoint_new (KZ_CHECKPOINT_TI, today,
                                       g_strdup (_("Care services must be connected to the Telematikinfrastruktur since 1 July 2025."))));
      g_ptr_array_add (checkpoints,
                       checkpoint_new (KZ_CHECKPOINT_SGB_XI_BILLING, today,
                                       g_strdup (_("Care services bill fully electronically under § 105 SGB XI from 1 December 2026."))));
    }
  if ((reason = nis2_reason (organisation)))
    g_ptr_array_add (checkpoints, checkpoint_new (KZ_CHECKPOINT_NIS2, today, reason));

  return g_steal_pointer (&checkpoints);
}

static gboolean
find_projects (KzStore     *store,
               KzRecord    *organisation,
               GPtrArray   *checkpoints,
               GError     **error)
{
  g_autoptr(GListModel) projects = NULL;

  projects = kz_store_list_by_ref (store, KZ_KIND_PROJECT, "lead_organisation_id",
                                   kz_record_get_uuid (organisation), error);
  if (projects == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(KzRecord) project = g_list_model_get_item (projects, i);
      const char * const *tags = kz_record_get_list (project, "tags");

      for (guint c = 0; tags != NULL && c < checkpoints->len; c++)
        {
          KzCheckpoint *checkpoint = g_ptr_array_index (checkpoints, c);

          if (checkpoint->project == NULL && g_strv_contains (tags, checkpoint->tag))
            checkpoint->project = g_strdup (kz_record_get_uuid (project));
        }
    }
  return TRUE;
}

GPtrArray *
kz_checkpoint_list (KzStore   *store,
                    KzRecord  *organisation,
                    GDate     *today,
                    GError   **error)
{
  g_autoptr(GPtrArray) checkpoints = NULL;

  g_return_val_if_fail (KZ_IS_STORE (store), NULL);

  checkpoints = kz_checkpoint_evaluate (organisation, today);
  if (checkpoints == NULL || !find_projects (store, organisation, checkpoints, error))
    return NULL;
  return g_steal_pointer (&checkpoints);
}

char *
kz_checkpoint_accept (KzUndoManager  *undo_manager,
                      KzRecord       *organisation,
                      KzCheckpoint   *checkpoint,
                      GError        **error)
{
  g_autoptr(KzRecord) project = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(KzRecord) milestone = kz_record_new (KZ_KIND_MILESTONE);
  const char *tags[] = { checkpoint->tag, NULL };
  gboolean ok;

  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (undo_manager), NULL);
  g_return_val_if_fail (KZ_IS_RECORD (organisation), NULL);
  g_return_val_if_fail (checkpoint != NULL && checkpoint->kind < KZ_N_CHECKPOINTS, NULL);

  kz_record_set_string (project, "title", checkpoint->title);
  kz_record_set_string (project, "description", checkpoint->reason);
  kz_record_set_string (project, "status", "planned");
  kz_record_set_string (project, "focus_area", "management");
  kz_record_set_string (project, "lead_organisation_id", kz_record_get_uuid (organisation));
  if (checkpoint->kind != KZ_CHECKPOINT_NIS2)
    kz_record_set_string (project, "field_of_work", "elderly");
  kz_record_set_list (project, "tags", tags);

  kz_record_set_string (milestone, "project_id", kz_record_get_uuid (project));
  kz_record_set_string (milestone, "title", g_dgettext (GETTEXT_PACKAGE, infos[checkpoint->kind].milestone));
  kz_record_set_string (milestone, "due_date", checkpoint->due);

  kz_undo_manager_begin_group (undo_manager, checkpoint->title);
  ok = kz_undo_manager_save (undo_manager, project, checkpoint->title, error) &&
       kz_undo_manager_save (undo_manager, milestone, checkpoint->title, error);
  kz_undo_manager_end_group (undo_manager);

  if (!ok)
    return NULL;
  g_free (checkpoint->project);
  checkpoint->project = g_strdup (kz_record_get_uuid (project));
  return g_strdup (checkpoint->project);
}
