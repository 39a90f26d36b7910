/* cg-bundle-private.h: the back pointers a bundle, its topics and their sections keep
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A topic is added to one bundle and a section to one topic; the container sets the weak back
 * pointer when it adopts the child and clears it when it lets go. Nobody else may set them.
 */

#pragma once

#include "cg-types.h"

G_BEGIN_DECLS

void _cg_section_set_topic (CgSection *self,
                            CgTopic   *topic);
void _cg_topic_set_bundle  (CgTopic   *self,
                            CgBundle  *bundle);

G_END_DECLS
