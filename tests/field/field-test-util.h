/* field-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kz-store.h"

G_BEGIN_DECLS

/* A fresh portfolio in a temporary folder; removed by field_test_close(). */
KzStore  *field_test_open_store  (char       **dir);
void      field_test_close       (KzStore     *store,
                                  char        *dir);
/* Saves a new record of @kind with "field", "value" pairs (NULL-ended). */
KzRecord *field_test_add         (KzStore     *store,
                                  KzKind       kind,
                                  ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
