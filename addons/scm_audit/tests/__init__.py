from . import test_audit_core

# [areas]
