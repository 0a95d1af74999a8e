/* kz-visit-page.c
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

#define G_LOG_DOMAIN "kz-visit-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-maturity.h"
#include "kz-visit-capture.h"
#include "kz-visit-dossier.h"
#include "kz-visit-page.h"
#include "kz-window.h"

typedef struct
{
  GtkWidget *title;
  GtkWidget *due;
  GtkWidget *owner;
} TaskRows;

struct _KzVisitPage
{
  AdwBin                   parent_instance;

  KzContext               *context;
  KzUndoManager           *undo_manager;
  char                    *organisation;
  KzRecord                *record;
  KzMaturityQuestionnaire *questionnaire;
  guint                    reload_source;

  GtkWidget               *heading;
  GtkWidget               *subheading;
  GtkWidget               *date_row;
  GtkWidget               *advisor_row;
  GtkWidget               *attendees_row;
  GtkTextView             *notes_view;
  GPtrArray               *answers;      /* GtkDropDown, per question */
  GtkWidget               *level_rows[KZ_MATURITY_N_DIMENSIONS];
  GtkWidget               *task_group;
  GArray                  *tasks;        /* TaskRows */
  GtkWidget               *error_label;
  GtkWidget               *dossier_box;
  GtkWidget               *dossier;
};

G_DEFINE_FINAL_TYPE (KzVisitPage, kz_visit_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_UNDO_MANAGER,
  PROP_ORGANISATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Today as the date rows take it: the form 31.12.2026, which the
 * store reads in every language (as it does 2026-12-31). */
static char *
today_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%d.%m.%Y");
}

static GtkWidget *
date_row (const char *title,
          const char *name);

static GtkWidget *
entry_row (const char *title,
           const char *name)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  return row;
}

static GtkWidget *
date_row (const char *title,
          const char *name)
{
  GtkWidget *row = entry_row (title, name);

  gtk_widget_set_tooltip_text (row, _("A date such as 31.12.2026"));
  return row;
}

static char *
row_text (GtkWidget *row)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* Maturity self-check */

static guint *
dimension_answers (KzVisitPage *self,
                   guint        dimension,
                   guint       *n_answers)
{
  guint n = kz_maturity_questionnaire_get_n_questions (self->questionnaire, dimension);
  guint *answers = g_new0 (guint, MAX (n, 1));

  for (guint i = 0; i < self->answers->len; i++)
    {
      GtkWidget *dropdown = g_ptr_array_index (self->answers, i);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "dimension")) == dimension)
        answers[GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "question"))] =
          gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
    }
  *n_answers = n;
  return answers;
}

static guint
score_dimension (KzVisitPage *self,
                 guint        dimension)
{
  guint n = 0;
  g_autofree guint *answers = dimension_answers (self, dimension, &n);

  return kz_maturity_questionnaire_score (self->questionnaire, dimension, answers, n);
}

static void
answer_changed_cb (KzVisitPage *self,
                   GParamSpec  *pspec,
                   GtkDropDown *dropdown)
{
  guint dimension = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "dimension"));
  guint level = score_dimension (self, dimension);
  g_autofree char *subtitle = NULL;

  if (level > 0)
    subtitle = g_strdup_printf (_("Level %u: %s"), level, kz_maturity_level_get_label (level));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->level_rows[dimension]),
                                 subtitle ? subtitle : _("Not rated"));
}

static GtkWidget *
question_row (KzVisitPage *self,
              guint        dimension,
              guint        question)
{
  static const char *levels[] = { "–", "1", "2", "3", "4", "5", NULL };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (levels);
  g_autofree char *name = g_strdup_printf ("maturity-%s-%u", kz_maturity_dimension_get_field (dimension), question);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 kz_maturity_questionnaire_get_question (self->questionnaire, dimension, question));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_name (dropdown, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kz_maturity_questionnaire_get_question (self->questionnaire, dimension, question),
                                  -1);
  g_object_set_data (G_OBJECT (dropdown), "dimension", GUINT_TO_POINTER (dimension));
  g_object_set_data (G_OBJECT (dropdown), "question", GUINT_TO_POINTER (question));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (answer_changed_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->answers, dropdown);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  return row;
}

static GtkWidget *
build_self_check (KzVisitPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GString) legend = g_string_new (_("Rate each statement from 1 to 5:"));

  for (guint l = 1; l <= KZ_MATURITY_N_LEVELS; l++)
    g_string_append_printf (legend, " %u %s%s", l, kz_maturity_level_get_label (l),
                            l < KZ_MATURITY_N_LEVELS ? "," : ".");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   kz_maturity_questionnaire_get_title (self->questionnaire));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), legend->str);

  for (guint d = 0; d < KZ_MATURITY_N_DIMENSIONS; d++)
    {
      guint n = kz_maturity_questionnaire_get_n_questions (self->questionnaire, d);

      if (n == 0)
        continue;
      self->level_rows[d] = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->level_rows[d]), kz_maturity_dimension_get_label (d));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->level_rows[d]), _("Not rated"));
      for (guint q = 0; q < n; q++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (self->level_rows[d]), question_row (self, d, q));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->level_rows[d]);
    }
  return group;
}

/* Follow-up tasks */

static void
add_task_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  KzVisitPage *self = KZ_VISIT_PAGE (widget);
  guint index = self->tasks->len;
  g_autofree char *title = g_strdup_printf ("task-title-%u", index);
  g_autofree char *due = g_strdup_printf ("task-due-%u", index);
  g_autofree char *owner = g_strdup_printf ("task-owner-%u", index);
  TaskRows rows = {
    entry_row (_("Follow-up task"), title),
    date_row (_("Due date"), due),
    entry_row (_("Owner"), owner),
  };

  g_array_append_val (self->tasks, rows);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->task_group), rows.title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->task_group), rows.due);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->task_group), rows.owner);
  gtk_widget_grab_focus (rows.title);
}

static void
clear_tasks (KzVisitPage *self)
{
  for (guint i = 0; i < self->tasks->len; i++)
    {
      TaskRows *rows = &g_array_index (self->tasks, TaskRows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->task_group), rows->title);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->task_group), rows->due);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->task_group), rows->owner);
    }
  g_array_set_size (self->tasks, 0);
}

/* Saving */

static KzVisitCapture *
collect_capture (KzVisitPage *self)
{
  g_autofree char *date = row_text (self->date_row);
  KzVisitCapture *capture = kz_visit_capture_new (self->organisation, date);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  capture->advisor = row_text (self->advisor_row);
  capture->attendees = row_text (self->attendees_row);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  capture->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  for (guint d = 0; d < KZ_MATURITY_N_DIMENSIONS; d++)
    capture->scores[d] = score_dimension (self, d);

  for (guint i = 0; i < self->tasks->len; i++)
    {
      TaskRows *rows = &g_array_index (self->tasks, TaskRows, i);
      g_autofree char *title = row_text (rows->title);
      g_autofree char *due = row_text (rows->due);
      g_autofree char *owner = row_text (rows->owner);

      /* A task row left empty is no task. */
      if (*g_strstrip (title) == '\0' && *g_strstrip (due) == '\0' && *g_strstrip (owner) == '\0')
        continue;
      kz_visit_capture_add_task (capture, title, due, owner);
    }
  return capture;
}

static void
reset_form (KzVisitPage *self)
{
  g_autofree char *today = today_text ();

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_editable_set_text (GTK_EDITABLE (self->attendees_row), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), "", -1);
  for (guint i = 0; i < self->answers->len; i++)
    gtk_drop_down_set_selected (g_ptr_array_index (self->answers, i), 0);
  clear_tasks (self);
  gtk_widget_set_visible (self->error_label, FALSE);
}

static void
announce_saved (KzVisitPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), KZ_TYPE_WINDOW);
  AdwToast *toast;

  if (window == NULL)
    return;
  toast = adw_toast_new (_("Visit saved on this computer"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  kz_window_add_toast (KZ_WINDOW (window), toast);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KzVisitPage *self = KZ_VISIT_PAGE (widget);
  g_autoptr(KzVisitCapture) capture = collect_capture (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  if (!(uuid = kz_visit_capture_save (capture, self->undo_manager, &error)))
    {
      /* The form keeps everything typed, so nothing is lost. */
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
      return;
    }
  reset_form (self);
  announce_saved (self);
}

/* Layout */

static GtkWidget *
build_capture (KzVisitPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *notes_frame = gtk_frame_new (NULL);
  GtkWidget *notes_label = gtk_label_new (_("Notes"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  KzStore *store = kz_context_get_store (self->context);
  g_autofree char *advisor = g_settings_get_string (kz_context_get_settings (self->context), "advisor-name");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("This Visit"));
  self->date_row = date_row (_("Date"), "visit-date");
  self->advisor_row = entry_row (_("Advisor"), "visit-advisor");
  self->attendees_row = entry_row (_("Attendees"), "visit-attendees");
  gtk_editable_set_text (GTK_EDITABLE (self->advisor_row),
                         *advisor ? advisor : (kz_store_get_author (store) ?: ""));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->date_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->advisor_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->attendees_row);

  self->notes_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_widget_set_name (GTK_WIDGET (self->notes_view), "visit-notes");
  gtk_text_view_set_wrap_mode (self->notes_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->notes_view, 8);
  gtk_text_view_set_bottom_margin (self->notes_view, 8);
  gtk_text_view_set_left_margin (self->notes_view, 8);
  gtk_text_view_set_right_margin (self->notes_view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (self->notes_view), -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"), -1);
  gtk_frame_set_child (GTK_FRAME (notes_frame), GTK_WIDGET (self->notes_view));
  gtk_widget_add_css_class (notes_frame, "view");
  gtk_label_set_xalign (GTK_LABEL (notes_label), 0);
  gtk_widget_add_css_class (notes_label, "heading");
  gtk_widget_set_margin_top (notes_label, 12);
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), notes_label);
  gtk_box_append (GTK_BOX (box), notes_frame);
  return box;
}

static GtkWidget *
build_tasks (KzVisitPage *self)
{
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  self->task_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->task_group), _("Follow-up Tasks"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->task_group),
                                         _("What was agreed, with a due date and who takes care of it."));
  gtk_widget_set_name (add, "add-task");
  gtk_widget_set_tooltip_text (add, _("Add Follow-up Task"));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "visit.add-task");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->task_group), add);
  return self->task_group;
}

static GtkWidget *
build_footer (KzVisitPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Visit"));

  self->error_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->error_label, "visit-error");
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Error"), -1);

  gtk_widget_set_name (save, "save-visit");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_add_css_class (save, "pill");
  gtk_widget_set_halign (save, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (save, _("Saved on this computer and synced later (Ctrl+S)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "visit.save");
  gtk_box_append (GTK_BOX (box), self->error_label);
  gtk_box_append (GTK_BOX (box), save);
  return box;
}

static void
update_heading (KzVisitPage *self)
{
  g_autofree char *umbrella = kz_format_field (self->record, "umbrella");
  g_autofree char *city = kz_format_field (self->record, "city");
  g_autofree char *changed = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (kz_record_get_modified (self->record) / G_USEC_PER_SEC);
  g_autofree char *iso = g_date_time_format (time, "%Y-%m-%d");
  g_autofree char *date = kz_format_date (iso);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (city)
    g_ptr_array_add (parts, city);
  if (umbrella)
    g_ptr_array_add (parts, umbrella);
  changed = g_strdup_printf (_("changed %s"), date);
  g_ptr_array_add (parts, changed);
  g_ptr_array_add (parts, NULL);

  gtk_label_set_text (GTK_LABEL (self->heading), kz_record_get_title (self->record));
  {
    g_autofree char *sub = g_strjoinv (" · ", (char **)parts->pdata);
    gtk_label_set_text (GTK_LABEL (self->subheading), sub);
  }
}

static void
rebuild_dossier (KzVisitPage *self)
{
  g_autoptr(KzRecord) record = kz_store_get (kz_context_get_store (self->context), KZ_KIND_ORGANISATION,
                                             self->organisation, NULL);

  if (record == NULL)
    return;
  g_set_object (&self->record, record);
  update_heading (self);
  if (self->dossier != NULL)
    gtk_box_remove (GTK_BOX (self->dossier_box), self->dossier);
  self->dossier = kz_visit_dossier_new (self->context, self->undo_manager, self->record);
  gtk_box_append (GTK_BOX (self->dossier_box), self->dossier);
}

static gboolean
reload_cb (gpointer user_data)
{
  KzVisitPage *self = user_data;

  self->reload_source = 0;
  rebuild_dossier (self);
  return G_SOURCE_REMOVE;
}

static void
context_changed_cb (KzVisitPage *self)
{
  /* Rebuilding from inside a row's own signal would destroy the row. */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

static GtkWidget *
build_header (KzVisitPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  self->heading = gtk_label_new (NULL);
  self->subheading = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  gtk_label_set_wrap (GTK_LABEL (self->subheading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_label_set_xalign (GTK_LABEL (self->subheading), 0);
  gtk_widget_add_css_class (self->heading, "title-2");
  gtk_widget_add_css_class (self->subheading, "dim-label");
  gtk_box_append (GTK_BOX (box), self->heading);
  gtk_box_append (GTK_BOX (box), self->subheading);
  return box;
}

static void
kz_visit_page_constructed (GObject *object)
{
  KzVisitPage *self = (KzVisitPage *)object;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  G_OBJECT_CLASS (kz_visit_page_parent_class)->constructed (object);

  self->questionnaire = kz_maturity_questionnaire_load_default (NULL);
  self->dossier_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), build_header (self));
  gtk_box_append (GTK_BOX (box), build_capture (self));
  gtk_box_append (GTK_BOX (box), build_self_check (self));
  gtk_box_append (GTK_BOX (box), build_tasks (self));
  gtk_box_append (GTK_BOX (box), build_footer (self));
  gtk_box_append (GTK_BOX (box), self->dossier_box);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_bin_set_child (ADW_BIN (self), scrolled);

  reset_form (self);
  rebuild_dossier (self);
  g_signal_connect_object (self->context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
kz_visit_page_dispose (GObject *object)
{
  KzVisitPage *self = (KzVisitPage *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->context);
  g_clear_object (&self->undo_manager);
  g_clear_object (&self->record);
  g_clear_object (&self->questionnaire);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_clear_pointer (&self->tasks, g_array_unref);

  G_OBJECT_CLASS (kz_visit_page_parent_class)->dispose (object);
}

static void
kz_visit_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KzVisitPage *self = KZ_VISIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_UNDO_MANAGER:
      self->undo_manager = g_value_dup_object (value);
      break;
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kz_visit_page_class_init (KzVisitPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kz_visit_page_constructed;
  object_class->dispose = kz_visit_page_dispose;
  object_class->set_property = kz_visit_page_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, KZ_TYPE_CONTEXT,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_UNDO_MANAGER] =
    g_param_spec_object ("undo-manager", NULL, NULL, KZ_TYPE_UNDO_MANAGER,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "visit.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "visit.add-task", NULL, add_task_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "visit.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "visit.add-task", NULL);
}

static void
kz_visit_page_init (KzVisitPage *self)
{
  self->answers = g_ptr_array_new ();
  self->tasks = g_array_new (FALSE, TRUE, sizeof (TaskRows));
}

GtkWidget *
kz_visit_page_new (KzContext     *context,
                   KzUndoManager *undo_manager,
                   const char    *organisation)
{
  g_return_val_if_fail (KZ_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (KZ_IS_UNDO_MANAGER (undo_manager), NULL);
  g_return_val_if_fail (organisation != NULL, NULL);

  return g_object_new (KZ_TYPE_VISIT_PAGE,
                       "context", context,
                       "undo-manager", undo_manager,
                       "organisation", organisation,
                       NULL);
}

const char *
kz_visit_page_get_organisation (KzVisitPage *self)
{
  g_return_val_if_fail (KZ_IS_VISIT_PAGE (self), NULL);

  return self->organisation;
}

const char *
kz_visit_page_get_title (KzVisitPage *self)
{
  g_return_val_if_fail (KZ_IS_VISIT_PAGE (self), NULL);

  return self->record ? kz_record_get_title (self->record) : NULL;
}
