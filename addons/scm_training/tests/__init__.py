from . import test_session_core

# [areas]
from . import test_sessions_workflow
from . import test_sessions_views
