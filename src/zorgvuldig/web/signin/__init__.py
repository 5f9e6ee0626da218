# SPDX-License-Identifier: EUPL-1.2
"""Who gets in (art3.2b, AVG art. 32): the second factor after the password, the verified
session every page asks for, the lockout after repeated failures, and the security headers
(decision 19). The pages of the second step are in :mod:`zorgvuldig.web.views.second_factor`."""
