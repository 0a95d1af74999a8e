/* kz-import-window.c
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

#define G_LOG_DOMAIN "kz-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-import-window-private.h"
#include "kz-thread-task.h"

#define N_PREVIEW_ROWS 20

static const KzKind import_kinds[] = {
  KZ_KIND_ORGANISATION, KZ_KIND_FIRM, KZ_KIND_PROJECT, KZ_KIND_TRAINING,
};

static const KzCsvEncoding encodings[] = {
  KZ_CSV_ENCODING_UTF8, KZ_CSV_ENCODING_UTF8_BOM, KZ_CSV_ENCODING_UTF16,
  KZ_CSV_ENCODING_WINDOWS_1252, KZ_CSV_ENCODING_LATIN1,
};


G_DEFINE_FINAL_TYPE (KzImportWindow, kz_import_window, ADW_TYPE_WINDOW)


static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  if (list == NULL)   /* not built yet */
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static GtkListBox *
boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return GTK_LIST_BOX (list);
}

void
_kz_import_window_show_error (KzImportWindow *self,
                              const char     *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* A page: scrolled, clamped, with a vertical box for groups. */
static GtkWidget *
add_page (KzImportWindow *self,
          const char     *name,
          GtkWidget     **box)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (*box, 24);
  gtk_widget_set_margin_bottom (*box, 24);
  gtk_widget_set_margin_start (*box, 12);
  gtk_widget_set_margin_end (*box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), *box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (self->stack, scrolled, name);

  return scrolled;
}

static GtkWidget *
group_new (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

/* Loading */

typedef struct
{
  KzStore *store;
  KzKind   kind;
  GFile   *file;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->file);
  g_free (data);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  KzCsvImport *import;

  if ((import = kz_csv_import_new_for_file (data->store, data->kind, data->file, cancellable, &error)))
    g_task_return_pointer (task, import, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
update_buttons (KzImportWindow *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);
  gboolean loading = self->load_cancellable != NULL;
  const char *next = _("_Next");
  const char *subtitle = NULL;
  gboolean can_next = TRUE;

  if (g_str_equal (step, "source"))
    {
      can_next = self->import != NULL && !loading;
      subtitle = _("Step 1 of 3");
    }
  else if (g_str_equal (step, "mapping"))
    subtitle = _("Step 2 of 3");
  else if (g_str_equal (step, "preview"))
    {
      next = _("_Import");
      subtitle = _("Step 3 of 3");
    }
  else if (g_str_equal (step, "result"))
    next = _("_Done");

  gtk_button_set_label (self->next_button, next);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !g_str_equal (step, "running"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", can_next);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          g_str_equal (step, "mapping") || g_str_equal (step, "preview"));
  adw_window_title_set_subtitle (self->title, subtitle ? subtitle : "");
}

static void
show_file_state (KzImportWindow *self)
{
  g_autofree char *name = self->file ? g_file_get_basename (self->file) : NULL;
  g_autofree char *detail = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row),
                                 name ? name : _("No file chosen"));
  if (self->import != NULL)
    {
      guint rows = kz_csv_import_get_n_rows (self->import);
      guint columns = kz_csv_import_get_n_columns (self->import);
      g_autofree char *n_rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", rows), rows);
      g_autofree char *n_columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns", columns), columns);

      detail = g_strdup_printf ("%s, %s", n_rows, n_columns);
    }
  adw_action_row_set_subtitle (self->file_row, detail ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row), self->import != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->file_spinner), self->load_cancellable != NULL);
  gtk_spinner_set_spinning (self->file_spinner, self->load_cancellable != NULL);

  if (self->import != NULL)
    {
      KzCsvEncoding encoding = kz_csv_import_get_encoding (self->import);

      for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
        if (encodings[i] == encoding)
          {
            g_object_set_data (G_OBJECT (self->encoding_row), "kz-updating", GINT_TO_POINTER (1));
            adw_combo_row_set_selected (self->encoding_row, i);
            g_object_set_data (G_OBJECT (self->encoding_row), "kz-updating", NULL);
          }
    }
  update_buttons (self);
}

static void
load_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KzImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  KzCsvImport *import = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->import);
  self->import = import;
  _kz_import_window_show_error (self, error ? error->message : NULL);
  show_file_state (self);
}

static void
start_load (KzImportWindow *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->preview);
  /* The rows refer to the old import and field list. */
  clear_list (self->mapping_list);
  clear_list (self->preview_list);
  _kz_import_window_show_error (self, NULL);

  if (self->file == NULL || self->parent == NULL)
    {
      show_file_state (self);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->store = g_object_ref (kz_context_get_store (kz_window_get_context (self->parent)));
  data->kind = self->kind;
  data->file = g_object_ref (self->file);
  self->load_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->load_cancellable, load_ready_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  kz_thread_task_run (task, load_worker);
  show_file_state (self);
}

/* Source step */

static void
kind_selected_cb (KzImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (selected >= G_N_ELEMENTS (import_kinds) || import_kinds[selected] == self->kind)
    return;

  self->kind = import_kinds[selected];
  g_clear_pointer (&self->fields, g_strfreev);
  self->fields = _kz_import_fields_for_kind (self->kind);
  start_load (self);
}

static void
encoding_selected_cb (KzImportWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);
  g_autoptr(GError) error = NULL;

  if (self->import == NULL || selected >= G_N_ELEMENTS (encodings) ||
      g_object_get_data (G_OBJECT (self->encoding_row), "kz-updating") ||
      encodings[selected] == kz_csv_import_get_encoding (self->import))
    return;

  kz_import_window_set_encoding (self, encodings[selected]);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     KzImportWindow  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    kz_import_window_load_file (self, file);

  g_object_unref (chooser);
}

static void
choose_file_cb (KzImportWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
build_source_page (KzImportWindow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *box, *group, *button;

  add_page (self, "source", &box);
  for (guint i = 0; i < G_N_ELEMENTS (import_kinds); i++)
    gtk_string_list_append (kinds, g_dgettext (GETTEXT_PACKAGE, kz_kind_get_info (import_kinds[i])->plural_label));
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    gtk_string_list_append (names, kz_csv_encoding_get_name (encodings[i]));

  group = group_new (_("File"), _("A table saved as CSV, for example from Excel or LibreOffice. "
                                  "The first row names the columns. If umlauts look wrong, "
                                  "choose another encoding."));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("_Records"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->kind_row), TRUE);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));

  self->file_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->file_row), FALSE);
  self->file_spinner = GTK_SPINNER (gtk_spinner_new ());
  adw_action_row_add_suffix (self->file_row, GTK_WIDGET (self->file_spinner));
  button = gtk_button_new_with_mnemonic (_("_Choose File…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (choose_file_cb), self);
  adw_action_row_add_suffix (self->file_row, button);
  adw_action_row_set_activatable_widget (self->file_row, button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->file_row));

  self->encoding_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->encoding_row), _("_Encoding"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->encoding_row), TRUE);
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (names));
  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (encoding_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->encoding_row));

  gtk_box_append (GTK_BOX (box), group);
  return box;
}

/* Mapping step */

static void
fill_mapping (KzImportWindow *self)
{
  clear_list (self->mapping_list);
  for (guint c = 0; c < kz_csv_import_get_n_columns (self->import); c++)
    gtk_list_box_append (self->mapping_list,
                         _kz_import_mapping_row_new (self->import, c, (const char * const *)self->fields));
}

void
_kz_import_window_mapping_changed (KzImportWindow *self)
{
  guint c = 0;

  g_return_if_fail (KZ_IS_IMPORT_WINDOW (self));

  /* A field taken by one column is gone from the one that had it. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->mapping_list));
       row != NULL; row = gtk_widget_get_next_sibling (row), c++)
    {
      const char *field = kz_csv_import_get_column_field (self->import, c);
      guint selected = 0;

      for (guint i = 0; field != NULL && self->fields[i] != NULL; i++)
        if (g_str_equal (field, self->fields[i]))
          selected = i + 1;
      if (adw_combo_row_get_selected (ADW_COMBO_ROW (row)) != selected)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
    }
  _kz_import_window_show_error (self, NULL);
}

static GtkWidget *
build_mapping_page (KzImportWindow *self)
{
  GtkWidget *box, *group;

  add_page (self, "mapping", &box);
  group = group_new (_("Columns"), _("Choose the field each column goes into. "
                                     "Columns set to “Ignore” are not imported."));
  self->mapping_list = boxed_list_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->mapping_list));
  gtk_box_append (GTK_BOX (box), group);
  return box;
}

/* Preview step */

static gboolean
fill_preview (KzImportWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  guint n_rows = kz_csv_import_get_n_rows (self->import);

  g_clear_object (&self->preview);
  clear_list (self->preview_list);
  if (!(self->preview = kz_csv_import_preview (self->import, N_PREVIEW_ROWS, &error)))
    {
      _kz_import_window_show_error (self, error->message);
      return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (self->preview); i++)
    {
      g_autoptr(KzCsvRow) row = g_list_model_get_item (self->preview, i);

      gtk_list_box_append (self->preview_list, _kz_import_preview_row_new (self->import, row));
    }

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The file has %u row; this is how it will be saved.",
                                              "The first of %u rows, as they will be saved.", n_rows),
                                 n_rows);
  adw_preferences_group_set_description (self->preview_group, description);
  return TRUE;
}

static void
policy_toggled_cb (GtkCheckButton *button,
                   KzImportWindow *self)
{
  if (!gtk_check_button_get_active (button) || self->import == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->policy_buttons); i++)
    if (self->policy_buttons[i] == button)
      kz_csv_import_set_duplicate_policy (self->import, (KzCsvDuplicatePolicy)i);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "preview") == 0)
    fill_preview (self);
}

static GtkWidget *
build_policy_group (KzImportWindow *self)
{
  const char *titles[] = { _("_Skip"), _("_Update"), _("_Keep Both") };
  const char *subtitles[] = {
    _("Leave records that are already in the portfolio as they are"),
    _("Fill existing records with the values of the file"),
    _("Add the rows as new records"),
  };
  GtkWidget *group = group_new (_("Records Already in the Portfolio"),
                                _("Rows with the name or title of an existing record"));

  for (guint i = 0; i < G_N_ELEMENTS (self->policy_buttons); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      G_STATIC_ASSERT (KZ_CSV_DUPLICATE_SKIP == 0 && KZ_CSV_DUPLICATE_UPDATE == 1 &&
                       KZ_CSV_DUPLICATE_KEEP_BOTH == 2);
      self->policy_buttons[i] = GTK_CHECK_BUTTON (check);
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->policy_buttons[0]);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitles[i]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect (check, "toggled", G_CALLBACK (policy_toggled_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_check_button_set_active (self->policy_buttons[0], TRUE);

  return group;
}

static GtkWidget *
build_preview_page (KzImportWindow *self)
{
  GtkWidget *box;

  add_page (self, "preview", &box);
  gtk_box_append (GTK_BOX (box), build_policy_group (self));
  self->preview_group = ADW_PREFERENCES_GROUP (group_new (_("Preview"), NULL));
  self->preview_list = boxed_list_new ();
  adw_preferences_group_add (self->preview_group, GTK_WIDGET (self->preview_list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->preview_group));
  return box;
}

/* Running and result */

static GtkWidget *
build_running_page (KzImportWindow *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Importing…"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Nothing is saved until every row is done; "
                                     "cancelling leaves the portfolio as it was."));
  adw_status_page_set_child (ADW_STATUS_PAGE (status), spinner);
  gtk_stack_add_named (self->stack, status, "running");
  return status;
}

static void
report_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  KzImportWindow  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) &&
      !kz_import_window_save_report (self, file, &error))
    _kz_import_window_show_error (self, error->message);

  g_object_unref (chooser);
}

static void
save_report_cb (KzImportWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Rejected Rows"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: a file name */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("rejected-rows.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (report_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
build_result_page (KzImportWindow *self)
{
  GtkWidget *box, *button, *icon;

  add_page (self, "result", &box);
  icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 64);
  gtk_widget_add_css_class (icon, "success");
  self->result_title = GTK_LABEL (gtk_label_new (NULL));
  self->result_details = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->result_title, TRUE);
  gtk_label_set_wrap (self->result_details, TRUE);
  gtk_label_set_justify (self->result_title, GTK_JUSTIFY_CENTER);
  gtk_label_set_justify (self->result_details, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->result_title), "title-1");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->result_title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->result_details));

  self->rejected_group = group_new (_("Rejected Rows"), NULL);
  button = gtk_button_new_from_icon_name ("document-save-symbolic");
  gtk_widget_set_tooltip_text (button, _("Save as CSV"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (save_report_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->rejected_group), button);
  self->rejected_list = boxed_list_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->rejected_group), GTK_WIDGET (self->rejected_list));
  gtk_box_append (GTK_BOX (box), self->rejected_group);
  return box;
}

void
_kz_import_window_fill_result (KzImportWindow *self)
{
  KzCsvImport *import = self->import;
  GListModel *rejected = kz_csv_import_get_rejected (import);
  guint created = kz_csv_import_get_n_created (import);
  guint updated = kz_csv_import_get_n_updated (import);
  guint skipped = kz_csv_import_get_n_skipped (import);
  guint n_rejected = kz_csv_import_get_n_rejected (import);
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Record Imported", "%u Records Imported",
                                        created + updated), created + updated);
  /* Translators: the counts of an import */
  details = g_strdup_printf (_("%u new, %u updated, %u skipped, %u not imported"),
                             created, updated, skipped, n_rejected);
  gtk_label_set_label (self->result_title, title);
  gtk_label_set_label (self->result_details, details);

  clear_list (self->rejected_list);
  for (guint i = 0; i < g_list_model_get_n_items (rejected); i++)
    {
      g_autoptr(KzCsvRow) row = g_list_model_get_item (rejected, i);

      gtk_list_box_append (self->rejected_list, _kz_import_rejected_row_new (row));
    }
  gtk_widget_set_visible (self->rejected_group, n_rejected > 0);
}

/* Navigation */

void
_kz_import_window_go_to (KzImportWindow *self,
                         const char     *step)
{
  _kz_import_window_show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, step);
  update_buttons (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KzImportWindow *self = KZ_IMPORT_WINDOW (widget);
  const char *step = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (step, "source") && self->import != NULL)
    {
      fill_mapping (self);
      _kz_import_window_go_to (self, "mapping");
    }
  else if (g_str_equal (step, "mapping"))
    {
      if (fill_preview (self))
        _kz_import_window_go_to (self, "preview");
    }
  else if (g_str_equal (step, "preview"))
    _kz_import_window_start_run (self);
  else if (g_str_equal (step, "result"))
    gtk_window_close (GTK_WINDOW (self));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KzImportWindow *self = KZ_IMPORT_WINDOW (widget);
  const char *step = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (step, "mapping"))
    _kz_import_window_go_to (self, "source");
  else if (g_str_equal (step, "preview"))
    _kz_import_window_go_to (self, "mapping");
}

static gboolean
close_request_cb (KzImportWindow *self)
{
  if (self->run_cancellable == NULL)
    return FALSE;

  /* Closing while importing cancels; the window goes once nothing is
   * being written any more. */
  self->close_when_done = TRUE;
  kz_progress_bar_cancel (self->progress);
  return TRUE;
}

static GtkWidget *
build_header (KzImportWindow *self)
{
  GtkWidget *header = adw_header_bar_new ();

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Import From CSV"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->back_button = GTK_BUTTON (gtk_button_new_from_icon_name ("go-previous-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button), _("Back"));
  self->next_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Next")));
  gtk_widget_add_css_class (GTK_WIDGET (self->next_button), "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), "wizard.back");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), "wizard.next");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->back_button));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->next_button));
  return header;
}

static GtkWidget *
build_error_bar (KzImportWindow *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  self->error_label = GTK_LABEL (label);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_wrap_mode (self->error_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 18);
  gtk_widget_set_margin_end (label, 18);
  gtk_widget_add_css_class (label, "error");
  self->error_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->error_revealer, label);
  return GTK_WIDGET (self->error_revealer);
}

static void
kz_import_window_dispose (GObject *object)
{
  KzImportWindow *self = (KzImportWindow *)object;

  self->disposed = TRUE;
  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->run_cancellable);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (kz_import_window_parent_class)->dispose (object);
}

static void
kz_import_window_finalize (GObject *object)
{
  KzImportWindow *self = (KzImportWindow *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->import);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->fields, g_strfreev);
  g_free (self->error);

  G_OBJECT_CLASS (kz_import_window_parent_class)->finalize (object);
}

static void
kz_import_window_class_init (KzImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kz_import_window_dispose;
  object_class->finalize = kz_import_window_finalize;

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kz_import_window_init (KzImportWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_title (GTK_WINDOW (self), _("Import From CSV"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 680);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 294);

  self->kind = import_kinds[0];
  self->fields = _kz_import_fields_for_kind (self->kind);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->progress = g_object_new (KZ_TYPE_PROGRESS_BAR, NULL);

  build_source_page (self);
  build_mapping_page (self);
  build_preview_page (self);
  build_running_page (self);
  build_result_page (self);

  gtk_box_append (GTK_BOX (box), build_header (self));
  gtk_box_append (GTK_BOX (box), build_error_bar (self));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress));
  adw_window_set_content (ADW_WINDOW (self), box);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  gtk_stack_set_visible_child_name (self->stack, "source");
  show_file_state (self);
}

/* GTK 4.8 keeps a destroy-with-parent window's pointer to its parent
 * when the parent goes first, and follows it when the wizard itself is
 * finalised later (a file still loading keeps it alive): the wizard lets
 * go of its parent while the parent still exists. */
static void
parent_destroyed_cb (KzImportWindow *self)
{
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Public API */

KzImportWindow *
kz_import_window_new (KzWindow *parent)
{
  KzImportWindow *self;
  const char *page;

  g_return_val_if_fail (KZ_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (kz_window_get_context (parent) != NULL, NULL);

  self = g_object_new (KZ_TYPE_IMPORT_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  g_set_weak_pointer (&self->parent, parent);
  g_signal_connect_object (parent, "destroy", G_CALLBACK (parent_destroyed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Start with the kind of the list on show. */
  page = kz_window_get_page_name (parent);
  for (guint i = 0; page != NULL && i < G_N_ELEMENTS (import_kinds); i++)
    if (g_strcmp0 (page, kz_kind_get_info (import_kinds[i])->table) == 0)
      kz_import_window_set_kind (self, import_kinds[i]);

  return self;
}

void
kz_import_window_set_kind (KzImportWindow *self,
                           KzKind          kind)
{
  g_return_if_fail (KZ_IS_IMPORT_WINDOW (self));
  g_return_if_fail (kz_csv_import_kind_supported (kind));

  for (guint i = 0; i < G_N_ELEMENTS (import_kinds); i++)
    if (import_kinds[i] == kind)
      adw_combo_row_set_selected (self->kind_row, i);
}

void
kz_import_window_load_file (KzImportWindow *self,
                            GFile          *file)
{
  g_return_if_fail (KZ_IS_IMPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "running") != 0)
    _kz_import_window_go_to (self, "source");
  start_load (self);
}

const char *
kz_import_window_get_step (KzImportWindow *self)
{
  g_return_val_if_fail (KZ_IS_IMPORT_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
kz_import_window_get_error (KzImportWindow *self)
{
  g_return_val_if_fail (KZ_IS_IMPORT_WINDOW (self), NULL);
  return self->error;
}

gboolean
kz_import_window_is_loading (KzImportWindow *self)
{
  g_return_val_if_fail (KZ_IS_IMPORT_WINDOW (self), FALSE);
  return self->load_cancellable != NULL;
}

KzCsvImport *
kz_import_window_get_import (KzImportWindow *self)
{
  g_return_val_if_fail (KZ_IS_IMPORT_WINDOW (self), NULL);
  return self->import;
}

void
kz_import_window_set_encoding (KzImportWindow *self,
                               KzCsvEncoding   encoding)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KZ_IS_IMPORT_WINDOW (self));
  g_return_if_fail (self->import != NULL);

  if (!kz_csv_import_set_encoding (self->import, encoding, &error))
    _kz_import_window_show_error (self, error->message);
  else
    _kz_import_window_show_error (self, NULL);
  show_file_state (self);
}

void
kz_import_window_set_duplicate_policy (KzImportWindow       *self,
                                       KzCsvDuplicatePolicy  policy)
{
  g_return_if_fail (KZ_IS_IMPORT_WINDOW (self));
  g_return_if_fail (policy <= KZ_CSV_DUPLICATE_KEEP_BOTH);

  gtk_check_button_set_active (self->policy_buttons[policy], TRUE);
}

GListModel *
kz_import_window_get_preview (KzImportWindow *self)
{
  g_return_val_if_fail (KZ_IS_IMPORT_WINDOW (self), NULL);
  return self->preview;
}

void
kz_import_window_cancel (KzImportWindow *self)
{
  g_return_if_fail (KZ_IS_IMPORT_WINDOW (self));
  kz_progress_bar_cancel (self->progress);
}

gboolean
kz_import_window_save_report (KzImportWindow  *self,
                              GFile           *file,
                              GError         **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (KZ_IS_IMPORT_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->import != NULL, FALSE);

  text = _kz_import_report_text (kz_csv_import_get_rejected (self->import));
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/* The window action */

static void
import_csv_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  KzWindow *window = user_data;

  if (kz_window_get_context (window) == NULL)
    return;

  gtk_window_present (GTK_WINDOW (kz_import_window_new (window)));
}

void
kz_import_actions_install (KzWindow *window)
{
  static const GActionEntry entries[] = {
    { "csv", import_csv_cb },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_return_if_fail (KZ_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "import", G_ACTION_GROUP (group));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_i, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("import.csv")));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}
