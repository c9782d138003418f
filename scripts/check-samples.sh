#!/usr/bin/env bash
# The sample sets of schemas/examples, each checked for the verdict its folder promises, one line
# a set (`npm start` ends with this). A sample that breaks its set's promise is shown with its
# diagnostics, and the exit status is then 1; every set is checked even when an earlier one broke.
#
#   spec-profile/valid    valid under every prose rule, those of SIP INVITE (6.7.3.2) included
#   spec-profile/invalid  valid XSD, each refused by one prose rule: warnings count as errors here
#   valid, invalid        the schemas alone (what libxml2 checks), so the two sets stay comparable
#                         with xmllint's verdicts (test/differential/)
set -uo pipefail
cd "$(dirname "$0")/.."
evfw="node cli/bin/evfw.js"
status=0
$evfw validate -q --profile invite schemas/examples/spec-profile/valid || status=1
$evfw validate -q --profile invite --deny-warnings --expect invalid schemas/examples/spec-profile/invalid || status=1
$evfw validate -q --profile xsd schemas/examples/valid || status=1
$evfw validate -q --profile xsd --expect invalid schemas/examples/invalid || status=1
exit "$status"
