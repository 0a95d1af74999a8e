/* kz-gui-test-util.h
 *
 * Copyright 2026 The Kompetenz authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       kz_test_drain          (void);
GtkWidget *kz_test_find_by_action (GtkWidget  *root,
                                   const char *action);

G_END_DECLS
