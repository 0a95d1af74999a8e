/* kz-report.c
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

#define G_LOG_DOMAIN "kz-report"

#include "config.h"

#include "kz-format.h"
#include "kz-report-private.h"

/* Collects what the pages need with a few queries (names, districts and
 * milestones of the whole portfolio, links per project), then draws the
 * pages in order into a cairo PDF surface that streams to the output. */

typedef struct
{
  GOutputStream *stream;
  GError        *error;
  gboolean       discard;   /* after a failure: drop what cairo still writes */
} Sink;

/* Never reports a failure to cairo: a PDF surface in an error state
 * trips over its own assertions while finishing.  The first error is
 * kept and returned when the report is done; later data is dropped. */
static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (!sink->discard && sink->error == NULL)
    g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error);

  return CAIRO_STATUS_SUCCESS;
}

static void
report_project_free (KzReportProject *p)
{
  g_clear_object (&p->project);
  g_clear_pointer (&p->milestones, g_ptr_array_unref);
  g_clear_pointer (&p->organisations, g_ptr_array_unref);
  g_clear_pointer (&p->applications, g_ptr_array_unref);
  g_free (p);
}

static void
report_clear (KzReport *report)
{
  g_clear_pointer (&report->canvas, _kz_canvas_free);
  g_clear_pointer (&report->title, g_free);
  g_clear_pointer (&report->selection, g_free);
  g_clear_pointer (&report->date, g_free);
  g_clear_pointer (&report->projects, g_ptr_array_unref);
  g_clear_pointer (&report->org_names, g_hash_table_unref);
  g_clear_pointer (&report->org_districts, g_hash_table_unref);
  g_clear_pointer (&report->programmes, g_hash_table_unref);
  g_clear_pointer (&report->applications, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KzReport, report_clear)

const char *
_kz_report_label (KzKind      kind,
                  const char *field)
{
  return g_dgettext (GETTEXT_PACKAGE, kz_kind_get_field (kind, field)->label);
}

char *
_kz_report_field_text (KzReport   *report,
                       KzRecord   *record,
                       const char *field)
{
  const KzField *f = kz_kind_get_field (kz_record_get_kind (record), field);
  const char *uuid;
  GHashTable *names = NULL;

  if (f->type != KZ_FIELD_REF)
    return kz_format_field (record, field);

  if (!(uuid = kz_record_get_string (record, field)))
    return NULL;
  if (f->ref_kind == KZ_KIND_ORGANISATION)
    names = report->org_names;
  else if (f->ref_kind == KZ_KIND_PROGRAMME)
    names = report->programmes;

  return g_strdup (names && g_hash_table_lookup (names, uuid) ? g_hash_table_lookup (names, uuid) : uuid);
}

/* --- Collecting ----------------------------------------------------- */

static GPtrArray *
to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

static gboolean
load_districts (KzReport  *report,
                GError   **error)
{
  g_autoptr(GListModel) orgs = kz_store_list (report->store, KZ_KIND_ORGANISATION, error);
  guint n;

  if (orgs == NULL)
    return FALSE;

  report->org_districts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  n = g_list_model_get_n_items (orgs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) org = g_list_model_get_item (orgs, i);
      const char *district = kz_record_get_string (org, "district");

      if (district != NULL)
        g_hash_table_insert (report->org_districts, g_strdup (kz_record_get_uuid (org)),
                             g_strdup (district));
    }

  return TRUE;
}

static gint
compare_due (gconstpointer a,
             gconstpointer b)
{
  const char *da = kz_record_get_string (*(KzRecord **)a, "due_date");
  const char *db = kz_record_get_string (*(KzRecord **)b, "due_date");

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return g_strcmp0 (da, db);
}

/* Every milestone of the portfolio in one query, by project. */
static GHashTable *
load_milestones (KzReport  *report,
                 GError   **error)
{
  g_autoptr(GListModel) all = kz_store_list (report->store, KZ_KIND_MILESTONE, error);
  GHashTable *by_project;
  guint n;

  if (all == NULL)
    return NULL;

  by_project = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)g_ptr_array_unref);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      KzRecord *milestone = g_list_model_get_item (all, i);
      const char *project = kz_record_get_string (milestone, "project_id");
      GPtrArray *list = g_hash_table_lookup (by_project, project);

      if (list == NULL)
        g_hash_table_insert (by_project, g_strdup (project),
                             list = g_ptr_array_new_with_free_func (g_object_unref));
      g_ptr_array_add (list, milestone);
    }

  return by_project;
}

static KzReportProject *
collect_project (KzReport    *report,
                 KzRecord    *project,
                 GHashTable  *milestones,
                 GError     **error)
{
  const char *uuid = kz_record_get_uuid (project);
  const char *lead = kz_record_get_string (project, "lead_organisation_id");
  g_autoptr(GListModel) orgs = NULL;
  g_autoptr(GListModel) apps = NULL;
  GPtrArray *list = g_hash_table_lookup (milestones, uuid);
  KzReportProject *p;

  if (!(orgs = kz_store_list_linked (report->store, KZ_LINK_PROJECT_ORGANISATION, uuid, TRUE, error)) ||
      !(apps = kz_store_list_linked (report->store, KZ_LINK_APPLICATION_PROJECT, uuid, FALSE, error)))
    return NULL;

  p = g_new0 (KzReportProject, 1);
  p->project = g_object_ref (project);
  p->lead = lead ? g_hash_table_lookup (report->org_names, lead) : NULL;
  p->district = lead ? g_hash_table_lookup (report->org_districts, lead) : NULL;
  p->milestones = list ? g_ptr_array_ref (list) : g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_sort (p->milestones, compare_due);
  p->organisations = to_array (orgs);
  p->applications = to_array (apps);

  for (guint i = 0; i < p->applications->len; i++)
    g_hash_table_replace (report->applications,
                          g_strdup (kz_record_get_uuid (p->applications->pdata[i])),
                          g_object_ref (p->applications->pdata[i]));

  return p;
}

static gboolean
collect (KzReport    *report,
         GListModel  *projects,
         GError     **error)
{
  g_autoptr(GHashTable) milestones = NULL;
  guint n = g_list_model_get_n_items (projects);

  report->applications = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  report->projects = g_ptr_array_new_with_free_func ((GDestroyNotify)report_project_free);

  if (!(report->org_names = kz_store_get_titles (report->store, KZ_KIND_ORGANISATION, error)) ||
      !(report->programmes = kz_store_get_titles (report->store, KZ_KIND_PROGRAMME, error)) ||
      !load_districts (report, error) ||
      !(milestones = load_milestones (report, error)))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) project = g_list_model_get_item (projects, i);
      KzReportProject *p;

      if (g_cancellable_set_error_if_cancelled (report->cancellable, error))
        return FALSE;
      if (!KZ_IS_RECORD (project) || kz_record_get_kind (project) != KZ_KIND_PROJECT)
        continue;
      if (!(p = collect_project (report, project, milestones, error)))
        return FALSE;
      g_ptr_array_add (report->projects, p);
      _kz_progress_update (&report->progress, i + 1, n);
    }

  return TRUE;
}

/* --- Writing -------------------------------------------------------- */

static void
report_init (KzReport   *report,
             KzStore    *store,
             const char *title,
             const char *selection)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  report->store = store;
  report->title = g_strdup (title && *title ? title : _("Portfolio report"));
  report->selection = g_strdup (selection && *selection ? selection : _("All projects"));
  report->date = kz_format_date (today);
}

static void
set_metadata (KzReport *report)
{
  cairo_surface_t *surface = cairo_get_target (_kz_canvas_get_cr (report->canvas));

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, report->selection);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kompetenz " PACKAGE_VERSION);
}

static gboolean
draw_pages (KzReport  *report,
            GError   **error)
{
  _kz_progress_phase (&report->progress, _("Drawing the overview"), 0.2, 0.3);
  _kz_report_title_page (report);
  _kz_report_summary (report);
  _kz_report_heat_map (report);

  if (!_kz_report_project_table (report))
    return !g_cancellable_set_error_if_cancelled (report->cancellable, error);

  _kz_progress_phase (&report->progress, _("Drawing the project pages"), 0.3, 0.95);
  if (!_kz_report_project_pages (report))
    return !g_cancellable_set_error_if_cancelled (report->cancellable, error);

  return TRUE;
}

static gboolean
finish (KzReport  *report,
        Sink      *sink,
        GError   **error)
{
  cairo_status_t status;

  _kz_progress_phase (&report->progress, _("Saving"), 0.95, 1.0);
  status = _kz_canvas_finish (report->canvas);

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_FAILED,
                   _("The report could not be written: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
kz_report_write_to_stream (KzStore         *store,
                           GListModel      *projects,
                           const char      *title,
                           const char      *selection,
                           GOutputStream   *stream,
                           KzProgressFunc   progress,
                           gpointer         progress_data,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_auto(KzReport) report = { 0 };
  g_autofree char *footer = NULL;
  Sink sink = { stream, NULL, FALSE };
  gboolean ok;

  g_return_val_if_fail (KZ_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (projects), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  report_init (&report, store, title, selection);
  report.cancellable = cancellable;
  _kz_progress_init (&report.progress, progress, progress_data);
  _kz_progress_phase (&report.progress, _("Collecting projects"), 0.0, 0.2);

  footer = g_strdup_printf ("%s · %s", report.title, report.date);
  report.canvas = _kz_canvas_new (write_cb, &sink, footer);
  set_metadata (&report);

  ok = collect (&report, projects, error) && draw_pages (&report, error) &&
       finish (&report, &sink, error);

  if (!ok)
    {
      /* Close the document properly, but write none of it. */
      sink.discard = TRUE;
      _kz_canvas_finish (report.canvas);
    }
  g_clear_pointer (&report.canvas, _kz_canvas_free);
  g_clear_error (&sink.error);
  if (ok)
    _kz_progress_done (&report.progress);
  return ok;
}

gboolean
kz_report_write (KzStore         *store,
                 GListModel      *projects,
                 const char      *title,
                 const char      *selection,
                 GFile           *file,
                 KzProgressFunc   progress,
                 gpointer         progress_data,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autoptr(KzAtomicFile) out = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(out = _kz_atomic_file_new (file, cancellable, error)))
    return FALSE;

  return kz_report_write_to_stream (store, projects, title, selection,
                                    _kz_atomic_file_get_stream (out),
                                    progress, progress_data, cancellable, error) &&
         _kz_atomic_file_commit (out, cancellable, error);
}
