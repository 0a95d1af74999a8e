/* kz-due-page.h
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

#include <adwaita.h>

#include "kz-context.h"

G_BEGIN_DECLS

#define KZ_TYPE_DUE_PAGE (kz_due_page_get_type ())

G_DECLARE_FINAL_TYPE (KzDuePage, kz_due_page, KZ, DUE_PAGE, AdwBin)

/* "Due Soon": overdue call deadlines, milestones, registration deadlines
 * and follow-up tasks, and those due within the "due-soon-days"
 * setting; each row opens its record.  Property "subtitle". */
GtkWidget *kz_due_page_new          (KzContext *context);

/* "Today", "Tomorrow", "In 3 days", "Yesterday", "3 days overdue". */
char      *kz_due_describe_days_left (int        days_left);

G_END_DECLS
