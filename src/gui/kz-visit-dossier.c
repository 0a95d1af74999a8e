/* kz-visit-dossier.c
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

#define G_LOG_DOMAIN "kz-visit-dossier"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-checkpoint.h"
#include "kz-format.h"
#include "kz-maturity.h"
#include "kz-maturity-trend.h"
#include "kz-visit-dossier.h"

typedef struct
{
  KzContext     *context;
  KzUndoManager *undo_manager;
  KzRecord      *organisation;
} Dossier;

static void
dossier_free (Dossier *dossier)
{
  g_clear_object (&dossier->context);
  g_clear_object (&dossier->undo_manager);
  g_clear_object (&dossier->organisation);
  g_free (dossier);
}

static GtkWidget *
add_group (GtkWidget  *box,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

static void
add_empty (GtkWidget  *group,
           const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static GtkWidget *
record_row (KzRecord   *record,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kz_record_get_title (record));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(is)",
                                    (int)kz_record_get_kind (record), kz_record_get_uuid (record));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static char *
join_fields (KzRecord   *record,
             const char *first,
             ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *field = first;
  va_list args;

  va_start (args, first);
  for (; field != NULL; field = va_arg (args, const char *))
    {
      char *text = kz_format_field (record, field);

      if (text != NULL && *text != '\0')
        g_ptr_array_add (parts, text);
      else
        g_free (text);
    }
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

static void
add_model_rows (GtkWidget  *group,
                GListModel *model,
                const char *empty,
                const char *f1,
                const char *f2)
{
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (model, i);
      g_autofree char *subtitle = join_fields (record, f1, f2, NULL);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), record_row (record, subtitle));
    }
  if (n == 0)
    add_empty (group, empty);
}

static void
add_projects (Dossier   *dossier,
              GtkWidget *box)
{
  KzStore *store = kz_context_get_store (dossier->context);
  const char *uuid = kz_record_get_uuid (dossier->organisation);
  g_autoptr(GListModel) led = kz_store_list_by_ref (store, KZ_KIND_PROJECT, "lead_organisation_id", uuid, NULL);
  g_autoptr(GListModel) joined = kz_store_list_linked (store, KZ_LINK_PROJECT_ORGANISATION, uuid, FALSE, NULL);
  g_autoptr(GListStore) all = g_list_store_new (KZ_TYPE_RECORD);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *models[] = { led, joined };

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0; models[m] && i < g_list_model_get_n_items (models[m]); i++)
      {
        g_autoptr(KzRecord) project = g_list_model_get_item (models[m], i);

        if (g_hash_table_add (seen, g_strdup (kz_record_get_uuid (project))))
          g_list_store_append (all, project);
      }

  add_model_rows (add_group (box, _("Projects")), G_LIST_MODEL (all),
                  _("No projects yet"), "status", "end_date");
}

static void
add_contacts (Dossier   *dossier,
              GtkWidget *box)
{
  g_autoptr(GListModel) contacts = kz_store_list_by_ref (kz_context_get_store (dossier->context),
                                                         KZ_KIND_CONTACT, "organisation_id",
                                                         kz_record_get_uuid (dossier->organisation), NULL);

  add_model_rows (add_group (box, _("Contacts")), contacts, _("No contacts yet"), "role", "phone");
}

static void
add_trainings (Dossier   *dossier,
               GtkWidget *box)
{
  KzStore *store = kz_context_get_store (dossier->context);
  g_autoptr(GListModel) registrations = kz_store_list_by_ref (store, KZ_KIND_REGISTRATION, "organisation_id",
                                                              kz_record_get_uuid (dossier->organisation), NULL);
  GtkWidget *group = add_group (box, _("Trainings Attended"));
  guint n = registrations ? g_list_model_get_n_items (registrations) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) registration = g_list_model_get_item (registrations, i);
      g_autoptr(KzRecord) training = kz_store_get (store, KZ_KIND_TRAINING,
                                                   kz_record_get_string (registration, "training_id"), NULL);
      gint64 participants = kz_record_get_int (registration, "participants");
      g_autofree char *subtitle = NULL;

      if (training == NULL || kz_record_get_deleted (training))
        continue;
      subtitle = g_strdup_printf (g_dngettext (NULL, "%d participant", "%d participants", participants),
                                  (int)participants);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), record_row (training, subtitle));
    }
  if (n == 0)
    add_empty (group, _("No training registrations yet"));
}

static void
add_partnerships (Dossier   *dossier,
                  GtkWidget *box)
{
  g_autoptr(GListModel) partnerships = kz_store_list_linked (kz_context_get_store (dossier->context),
                                                             KZ_LINK_PARTNERSHIP_ORGANISATION,
                                                             kz_record_get_uuid (dossier->organisation),
                                                             FALSE, NULL);

  add_model_rows (add_group (box, _("Partnerships")), partnerships, _("No partnerships yet"), "form", "end_date");
}

static void
add_maturity (Dossier   *dossier,
              GtkWidget *box)
{
  g_autoptr(GPtrArray) checks = kz_maturity_list_trend (kz_context_get_store (dossier->context),
                                                        kz_record_get_uuid (dossier->organisation), NULL);
  GtkWidget *group = add_group (box, _("Digital Maturity"));
  GtkWidget *frame;

  if (checks == NULL || checks->len == 0)
    {
      add_empty (group, _("No maturity check yet"));
      return;
    }

  frame = gtk_list_box_new ();
  gtk_widget_add_css_class (frame, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (frame), GTK_SELECTION_NONE);
  gtk_list_box_append (GTK_LIST_BOX (frame), kz_maturity_trend_new (checks));
  gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (GTK_LIST_BOX (frame), 0), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
}

/* Open follow-ups */

static void
task_toggled_cb (GtkCheckButton *check,
                 Dossier        *dossier)
{
  const char *uuid = g_object_get_data (G_OBJECT (check), "uuid");
  g_autoptr(KzRecord) task = kz_store_get (kz_context_get_store (dossier->context), KZ_KIND_TASK, uuid, NULL);
  g_autoptr(GError) error = NULL;

  if (task == NULL)
    return;
  kz_record_set_bool (task, "done", gtk_check_button_get_active (check));
  if (!kz_undo_manager_save (dossier->undo_manager, task, _("Mark task as done"), &error))
    gtk_widget_activate_action (GTK_WIDGET (check), "win.show-message", "s", error->message);
}

static void
add_task_row (Dossier   *dossier,
              GtkWidget *group,
              KzRecord  *task)
{
  g_autofree char *subtitle = join_fields (task, "due_date", "owner", NULL);
  GtkWidget *row = record_row (task, subtitle);
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Done"));
  g_object_set_data_full (G_OBJECT (check), "uuid", g_strdup (kz_record_get_uuid (task)), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (task_toggled_cb), dossier);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_followups (Dossier   *dossier,
               GtkWidget *box)
{
  KzStore *store = kz_context_get_store (dossier->context);
  g_autoptr(GListModel) visits = kz_store_list_by_ref (store, KZ_KIND_VISIT, "organisation_id",
                                                       kz_record_get_uuid (dossier->organisation), NULL);
  GtkWidget *group = add_group (box, _("Open Follow-ups"));
  guint shown = 0;

  for (guint v = 0; visits && v < g_list_model_get_n_items (visits); v++)
    {
      g_autoptr(KzRecord) visit = g_list_model_get_item (visits, v);
      g_autoptr(GListModel) tasks = kz_store_list_by_ref (store, KZ_KIND_TASK, "visit_id",
                                                          kz_record_get_uuid (visit), NULL);

      for (guint t = 0; tasks && t < g_list_model_get_n_items (tasks); t++)
        {
          g_autoptr(KzRecord) task = g_list_model_get_item (tasks, t);

          if (kz_record_get_bool (task, "done"))
            continue;
          add_task_row (dossier, group, task);
          shown++;
        }
    }
  if (shown == 0)
    add_empty (group, _("No open follow-ups"));
}

/* Regulatory checkpoints */

static void
accept_clicked_cb (GtkButton *button,
                   Dossier   *dossier)
{
  KzCheckpoint *checkpoint = g_object_get_data (G_OBJECT (button), "checkpoint");
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  if (!(uuid = kz_checkpoint_accept (dossier->undo_manager, dossier->organisation, checkpoint, &error)))
    gtk_widget_activate_action (GTK_WIDGET (button), "win.show-message", "s", error->message);
}

static void
add_checkpoint_row (Dossier      *dossier,
                    GtkWidget    *group,
                    KzCheckpoint *checkpoint)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *due = kz_format_date (checkpoint->due);
  g_autofree char *subtitle = g_strdup_printf (_("%s Suggested milestone: %s"), checkpoint->reason, due);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), checkpoint->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  if (checkpoint->project != NULL)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(is)", (int)KZ_KIND_PROJECT, checkpoint->project);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_widget_set_tooltip_text (row, _("Planned as a project"));
    }
  else
    {
      GtkWidget *button = gtk_button_new_with_label (_("Plan"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Create a project with this milestone"));
      g_object_set_data (G_OBJECT (button), "checkpoint", checkpoint);
      g_signal_connect (button, "clicked", G_CALLBACK (accept_clicked_cb), dossier);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_checkpoints (Dossier   *dossier,
                 GtkWidget *box)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GPtrArray *checkpoints;
  GtkWidget *group;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  checkpoints = kz_checkpoint_list (kz_context_get_store (dossier->context), dossier->organisation, &today, NULL);
  if (checkpoints == NULL || checkpoints->len == 0)
    {
      g_clear_pointer (&checkpoints, g_ptr_array_unref);
      return;
    }

  group = add_group (box, _("Regulatory Checkpoints"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Suggestions from the field of work and size; plan those that apply."));
  /* The rows point into the array, which lives as long as the group. */
  g_object_set_data_full (G_OBJECT (group), "checkpoints", checkpoints, (GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < checkpoints->len; i++)
    add_checkpoint_row (dossier, group, g_ptr_array_index (checkpoints, i));
}

GtkWidget *
kz_visit_dossier_new (KzContext     *context,
                      KzUndoManager *undo_manager,
                      KzRecord      *organisation)
{
  Dossier *dossier;
  GtkWidget *box;

  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (undo_manager), NULL);
  g_return_val_if_fail (KZ_IS_RECORD (organisation), NULL);

  dossier = g_new0 (Dossier, 1);
  dossier->context = g_object_ref (context);
  dossier->undo_manager = g_object_ref (undo_manager);
  dossier->organisation = g_object_ref (organisation);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  g_object_set_data_full (G_OBJECT (box), "dossier", dossier, (GDestroyNotify)dossier_free);

  add_followups (dossier, box);
  add_checkpoints (dossier, box);
  add_maturity (dossier, box);
  add_projects (dossier, box);
  add_contacts (dossier, box);
  add_trainings (dossier, box);
  add_partnerships (dossier, box);
  return box;
}
