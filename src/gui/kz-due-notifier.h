/* kz-due-notifier.h
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

#include "kz-context.h"
#include "kz-reminder.h"

G_BEGIN_DECLS

#define KZ_TYPE_DUE_NOTIFIER (kz_due_notifier_get_type ())

G_DECLARE_FINAL_TYPE (KzDueNotifier, kz_due_notifier, KZ, DUE_NOTIFIER, GObject)

/* Sends the reminders of @context's portfolio as desktop notifications
 * of @application: at start, every hour and after changes, with the
 * lead times of the settings.  What was announced is remembered next to
 * the portfolio ("…-reminders.ini"), so a restart does not repeat it.
 * A notification opens its record through "app.show-record", several at
 * once are summed up in one that opens "app.show-due". */
KzDueNotifier *kz_due_notifier_new       (GApplication  *application,
                                          KzContext     *context);
KzReminderScheduler *kz_due_notifier_get_scheduler (KzDueNotifier *self);
/* Checks now; returns the number of notifications sent. */
guint          kz_due_notifier_check     (KzDueNotifier *self);
/* Checks with the records read on a worker thread. */
void           kz_due_notifier_check_async (KzDueNotifier *self);

G_END_DECLS
