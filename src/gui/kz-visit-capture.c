/* kz-visit-capture.c
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

#define G_LOG_DOMAIN "kz-visit-capture"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-visit-capture.h"

static void
task_draft_free (KzVisitTaskDraft *draft)
{
  g_free (draft->title);
  g_free (draft->due);
  g_free (draft->owner);
  g_free (draft);
}

KzVisitCapture *
kz_visit_capture_new (const char *organisation,
                      const char *date)
{
  KzVisitCapture *capture = g_new0 (KzVisitCapture, 1);

  capture->organisation = g_strdup (organisation);
  capture->date = g_strdup (date);
  capture->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify)task_draft_free);
  return capture;
}

void
kz_visit_capture_free (KzVisitCapture *capture)
{
  if (capture == NULL)
    return;
  g_free (capture->organisation);
  g_free (capture->date);
  g_free (capture->advisor);
  g_free (capture->attendees);
  g_free (capture->notes);
  g_free (capture->check_notes);
  g_ptr_array_unref (capture->tasks);
  g_free (capture);
}

void
kz_visit_capture_add_task (KzVisitCapture *capture,
                           const char     *title,
                           const char     *due,
                           const char     *owner)
{
  KzVisitTaskDraft *draft = g_new0 (KzVisitTaskDraft, 1);

  g_return_if_fail (capture != NULL);

  draft->title = g_strdup (title);
  draft->due = g_strdup (due);
  draft->owner = g_strdup (owner);
  g_ptr_array_add (capture->tasks, draft);
}

static gboolean
set_text (KzRecord    *record,
          const char  *field,
          const char  *text,
          GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (*stripped == '\0')
    return TRUE;
  return kz_record_set_text (record, field, stripped, error);
}

static KzRecord *
build_visit (KzVisitCapture  *capture,
             GError         **error)
{
  g_autoptr(KzRecord) visit = kz_record_new (KZ_KIND_VISIT);

  if (!set_text (visit, "organisation_id", capture->organisation, error) ||
      !set_text (visit, "date", capture->date, error) ||
      !set_text (visit, "advisor", capture->advisor, error) ||
      !set_text (visit, "attendees", capture->attendees, error) ||
      !set_text (visit, "notes", capture->notes, error) ||
      !kz_record_validate (visit, error))
    return NULL;
  return g_steal_pointer (&visit);
}

static gboolean
has_scores (KzVisitCapture *capture)
{
  for (guint i = 0; i < KZ_MATURITY_N_DIMENSIONS; i++)
    if (capture->scores[i] > 0)
      return TRUE;
  return FALSE;
}

static gboolean
build_check (KzVisitCapture  *capture,
             KzRecord       **check,
             GError         **error)
{
  g_autoptr(KzRecord) record = NULL;

  *check = NULL;
  if (!has_scores (capture))
    return TRUE;

  record = kz_record_new (KZ_KIND_ASSESSMENT);
  kz_record_set_string (record, "organisation_id", capture->organisation);
  kz_maturity_apply_scores (record, capture->scores);
  /* The same date as the visit, in whichever form it was typed. */
  if (!set_text (record, "date", capture->date, error) ||
      !set_text (record, "notes", capture->check_notes, error) ||
      !kz_record_validate (record, error))
    return FALSE;
  *check = g_steal_pointer (&record);
  return TRUE;
}

static gboolean
build_tasks (KzVisitCapture  *capture,
             KzRecord        *visit,
             GPtrArray       *tasks,
             GError         **error)
{
  for (guint i = 0; i < capture->tasks->len; i++)
    {
      KzVisitTaskDraft *draft = g_ptr_array_index (capture->tasks, i);
      g_autoptr(KzRecord) task = kz_record_new (KZ_KIND_TASK);
      g_autoptr(GError) local_error = NULL;

      kz_record_set_string (task, "visit_id", kz_record_get_uuid (visit));
      if (!set_text (task, "title", draft->title, &local_error) ||
          !set_text (task, "due_date", draft->due, &local_error) ||
          !set_text (task, "owner", draft->owner, &local_error) ||
          !kz_record_validate (task, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Follow-up task %u: %s"), i + 1, local_error->message);
          return FALSE;
        }
      g_ptr_array_add (tasks, g_steal_pointer (&task));
    }
  return TRUE;
}

char *
kz_visit_capture_save (KzVisitCapture  *capture,
                       KzUndoManager   *undo_manager,
                       GError         **error)
{
  g_autoptr(KzRecord) visit = NULL;
  g_autoptr(KzRecord) check = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  const char *label = _("Save visit");
  gboolean ok, saved_visit;

  g_return_val_if_fail (capture != NULL, NULL);
  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (undo_manager), NULL);

  if (!(visit = build_visit (capture, error)) ||
      !build_check (capture, &check, error) ||
      !build_tasks (capture, visit, tasks, error))
    return NULL;

  kz_undo_manager_begin_group (undo_manager, label);
  ok = saved_visit = kz_undo_manager_save (undo_manager, visit, label, error);
  ok = ok && (check == NULL || kz_undo_manager_save (undo_manager, check, label, error));
  for (guint i = 0; ok && i < tasks->len; i++)
    ok = kz_undo_manager_save (undo_manager, g_ptr_array_index (tasks, i), label, error);
  kz_undo_manager_end_group (undo_manager);

  if (!ok && saved_visit)
    {
      /* Take back what was saved of the group, so nothing half-saved stays. */
      kz_undo_manager_undo (undo_manager, NULL);
    }
  if (!ok)
    return NULL;
  return g_strdup (kz_record_get_uuid (visit));
}
