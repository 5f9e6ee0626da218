# SPDX-License-Identifier: EUPL-1.2
from zorgvuldig.cli import main

main()
