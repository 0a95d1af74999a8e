/* kz-report-projects.c
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

/* The project table and one page per project. */

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != 0 ? text : "–";
}

static char *
choice_label (KzRecord   *record,
              const char *field)
{
  return kz_format_field (record, field);
}

static void
project_row (KzReport        *report,
             const KzTable   *table,
             KzReportProject *p,
             gboolean         shaded)
{
  g_autofree char *status = choice_label (p->project, "status");
  g_autofree char *health = choice_label (p->project, "health");
  g_autofree char *end = kz_format_field (p->project, "end_date");
  g_autofree char *budget = kz_format_field (p->project, "budget_planned");
  const char *cells[] = {
    kz_record_get_title (p->project), or_dash (p->lead), or_dash (status),
    or_dash (health), or_dash (end), or_dash (budget),
  };

  _kz_table_row (report->canvas, table, cells, shaded);
}

gboolean
_kz_report_project_table (KzReport *report)
{
  const KzColumn columns[] = {
    { _kz_report_label (KZ_KIND_PROJECT, "title"), 150, PANGO_ALIGN_LEFT },
    { _kz_report_label (KZ_KIND_PROJECT, "lead_organisation_id"), 112, PANGO_ALIGN_LEFT },
    { _kz_report_label (KZ_KIND_PROJECT, "status"), 62, PANGO_ALIGN_LEFT },
    { _kz_report_label (KZ_KIND_PROJECT, "health"), 50, PANGO_ALIGN_LEFT },
    { _kz_report_label (KZ_KIND_PROJECT, "end_date"), 50, PANGO_ALIGN_LEFT },
    { _kz_report_label (KZ_KIND_PROJECT, "budget_planned"), 57, PANGO_ALIGN_RIGHT },
  };
  const KzTable table = { columns, G_N_ELEMENTS (columns), KZ_STYLE_TABLE, KZ_STYLE_TABLE_BOLD };
  guint n = report->projects->len;

  _kz_canvas_new_page (report->canvas);
  _kz_report_heading (report, g_dgettext (GETTEXT_PACKAGE, kz_kind_get_info (KZ_KIND_PROJECT)->plural_label), TRUE);
  _kz_table_begin (report->canvas, &table);

  for (guint i = 0; i < n; i++)
    {
      if ((i % 32) == 0 && g_cancellable_is_cancelled (report->cancellable))
        return FALSE;
      project_row (report, &table, report->projects->pdata[i], i % 2 == 1);
      _kz_progress_update (&report->progress, i + 1, n);
    }

  _kz_table_end (report->canvas);
  return TRUE;
}

/* --- Project pages -------------------------------------------------- */

static void
field_list (KzReport *report,
            KzRecord *project)
{
  const KzColumn columns[] = {
    { NULL, 140, PANGO_ALIGN_LEFT },
    { NULL, KZ_CONTENT_WIDTH - 140, PANGO_ALIGN_LEFT },
  };
  const KzTable table = { columns, G_N_ELEMENTS (columns), KZ_STYLE_TABLE, KZ_STYLE_TABLE_BOLD };
  const KzKindInfo *info = kz_kind_get_info (KZ_KIND_PROJECT);

  _kz_table_begin (report->canvas, &table);
  for (guint i = 0; i < info->n_fields; i++)
    {
      g_autofree char *value = NULL;
      const char *cells[2];

      if (i == info->title_field)
        continue;
      value = _kz_report_field_text (report, project, info->fields[i].name);
      cells[0] = g_dgettext (GETTEXT_PACKAGE, info->fields[i].label);
      cells[1] = or_dash (value);
      _kz_table_row (report->canvas, &table, cells, FALSE);
    }
  _kz_table_end (report->canvas);
}

static void
none (KzReport *report)
{
  _kz_canvas_paragraph (report->canvas, KZ_STYLE_TABLE, _("None"));
}

static void
milestones (KzReport        *report,
            KzReportProject *p)
{
  const KzColumn columns[] = {
    { _kz_report_label (KZ_KIND_MILESTONE, "title"), 300, PANGO_ALIGN_LEFT },
    { _kz_report_label (KZ_KIND_MILESTONE, "due_date"), 100, PANGO_ALIGN_LEFT },
    { _kz_report_label (KZ_KIND_MILESTONE, "done"), 60, PANGO_ALIGN_LEFT },
  };
  const KzTable table = { columns, G_N_ELEMENTS (columns), KZ_STYLE_TABLE, KZ_STYLE_TABLE_BOLD };

  _kz_report_subheading (report, g_dgettext (GETTEXT_PACKAGE, kz_kind_get_info (KZ_KIND_MILESTONE)->plural_label));
  if (p->milestones->len == 0)
    return none (report);

  _kz_table_begin (report->canvas, &table);
  for (guint i = 0; i < p->milestones->len; i++)
    {
      KzRecord *m = p->milestones->pdata[i];
      g_autofree char *due = kz_format_field (m, "due_date");
      const char *cells[] = {
        kz_record_get_title (m), or_dash (due), kz_record_get_bool (m, "done") ? _("Yes") : _("No"),
      };

      _kz_table_row (report->canvas, &table, cells, i % 2 == 1);
    }
  _kz_table_end (report->canvas);
}

static void
organisations (KzReport        *report,
               KzReportProject *p)
{
  const KzColumn columns[] = {
    { _kz_report_label (KZ_KIND_ORGANISATION, "name"), 240, PANGO_ALIGN_LEFT },
    { _kz_report_label (KZ_KIND_ORGANISATION, "city"), 110, PANGO_ALIGN_LEFT },
    { _kz_report_label (KZ_KIND_ORGANISATION, "district"), 130, PANGO_ALIGN_LEFT },
  };
  const KzTable table = { columns, G_N_ELEMENTS (columns), KZ_STYLE_TABLE, KZ_STYLE_TABLE_BOLD };
  const KzLinkInfo *link = kz_link_get_info (KZ_LINK_PROJECT_ORGANISATION);

  _kz_report_subheading (report, g_dgettext (GETTEXT_PACKAGE, link->label));
  if (p->organisations->len == 0)
    return none (report);

  _kz_table_begin (report->canvas, &table);
  for (guint i = 0; i < p->organisations->len; i++)
    {
      KzRecord *org = p->organisations->pdata[i];
      g_autofree char *district = kz_format_field (org, "district");
      const char *cells[] = {
        kz_record_get_title (org), or_dash (kz_record_get_string (org, "city")), or_dash (district),
      };

      _kz_table_row (report->canvas, &table, cells, i % 2 == 1);
    }
  _kz_table_end (report->canvas);
}

static void
application_row (KzReport      *report,
                 const KzTable *table,
                 KzRecord      *app,
                 gboolean       shaded)
{
  g_autofree char *programme = _kz_report_field_text (report, app, "programme_id");
  g_autofree char *status = kz_format_field (app, "status");
  g_autofree char *applied = kz_format_field (app, "amount_applied");
  g_autofree char *granted = kz_format_field (app, "amount_granted");
  const char *cells[] = {
    kz_record_get_title (app), or_dash (programme), or_dash (status),
    or_dash (applied), or_dash (granted),
  };

  _kz_table_row (report->canvas, table, cells, shaded);
}

static void
applications (KzReport        *report,
              KzReportProject *p)
{
  const KzColumn columns[] = {
    { _kz_report_label (KZ_KIND_APPLICATION, "title"), 140, PANGO_ALIGN_LEFT },
    { _kz_report_label (KZ_KIND_APPLICATION, "programme_id"), 120, PANGO_ALIGN_LEFT },
    { _kz_report_label (KZ_KIND_APPLICATION, "status"), 72, PANGO_ALIGN_LEFT },
    { _kz_report_label (KZ_KIND_APPLICATION, "amount_applied"), 75, PANGO_ALIGN_RIGHT },
    { _kz_report_label (KZ_KIND_APPLICATION, "amount_granted"), 75, PANGO_ALIGN_RIGHT },
  };
  const KzTable table = { columns, G_N_ELEMENTS (columns), KZ_STYLE_TABLE, KZ_STYLE_TABLE_BOLD };

  _kz_report_subheading (report, g_dgettext (GETTEXT_PACKAGE, kz_kind_get_info (KZ_KIND_APPLICATION)->plural_label));
  if (p->applications->len == 0)
    return none (report);

  _kz_table_begin (report->canvas, &table);
  for (guint i = 0; i < p->applications->len; i++)
    application_row (report, &table, p->applications->pdata[i], i % 2 == 1);
  _kz_table_end (report->canvas);
}

/* Fills the page just started; longer projects flow onto more pages. */
static void
project_page (KzReport        *report,
              KzReportProject *p,
              int              outline)
{
  const char *title = kz_record_get_title (p->project);

  _kz_canvas_add_outline (report->canvas, outline, title, FALSE);
  _kz_canvas_paragraph (report->canvas, KZ_STYLE_HEADING, title);
  _kz_canvas_space (report->canvas, 8);

  field_list (report, p->project);
  milestones (report, p);
  organisations (report, p);
  applications (report, p);
}

gboolean
_kz_report_project_pages (KzReport *report)
{
  guint n = report->projects->len;
  int outline = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < n; i++)
    {
      if (g_cancellable_is_cancelled (report->cancellable))
        return FALSE;

      _kz_canvas_new_page (report->canvas);
      if (i == 0)
        outline = _kz_canvas_add_outline (report->canvas, CAIRO_PDF_OUTLINE_ROOT,
                                          _("Project details"), FALSE);
      project_page (report, report->projects->pdata[i], outline);
      _kz_progress_update (&report->progress, i + 1, n);
    }

  return TRUE;
}
