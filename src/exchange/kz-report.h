/* kz-report.h
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

#pragma once

#include <gio/gio.h>

#include "kz-exchange.h"
#include "kz-store.h"

G_BEGIN_DECLS

/* The portfolio report as a PDF (A4 portrait), in the language of the
 * current locale:
 *
 *  1. a title page: title, date, number of projects and the caller's
 *     description of the selection ("Status: running, District: …");
 *  2. summary figures: projects by status and by health, planned and
 *     actual budgets, funding applied for and granted (applications
 *     linked to the projects, each counted once);
 *  3. a heat map of focus area × district of the lead organisation,
 *     with the number of projects in shaded cells; only districts that
 *     occur, sorted by name;
 *  4. a table of the projects (title, lead organisation, status, health,
 *     end, budget) whose heading repeats on every page;
 *  5. one page (or more) per project with every field, its milestones,
 *     participating organisations and funding applications.
 *
 * The PDF has bookmarks for the sections and each project.  Projects
 * appear in the order of @projects. */

/**
 * kz_report_write_to_stream:
 * @store: the portfolio, for names, milestones, links and applications
 * @projects: #KzRecord projects, such as the current filtered list
 * @title: (nullable): the report's title; %NULL for "Portfolio report"
 * @selection: (nullable): what @projects are, for the title page;
 *   %NULL or "" for "All projects"
 * @stream: where the PDF goes; not closed
 *
 * Returns: %FALSE with @error set on failure or cancellation.
 */
gboolean kz_report_write_to_stream (KzStore         *store,
                                    GListModel      *projects,
                                    const char      *title,
                                    const char      *selection,
                                    GOutputStream   *stream,
                                    KzProgressFunc   progress,
                                    gpointer         progress_data,
                                    GCancellable    *cancellable,
                                    GError         **error);

/* Like kz_report_write_to_stream(), into @file through a temporary file
 * that is renamed once the report is complete. */
gboolean kz_report_write           (KzStore         *store,
                                    GListModel      *projects,
                                    const char      *title,
                                    const char      *selection,
                                    GFile           *file,
                                    KzProgressFunc   progress,
                                    gpointer         progress_data,
                                    GCancellable    *cancellable,
                                    GError         **error);

G_END_DECLS
