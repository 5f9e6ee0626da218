# SPDX-License-Identifier: EUPL-1.2
"""The resident's sign-in with DigiD (decision 25): who is signed in, kept in the session
apart from an employee's sign-in, and short-lived."""
