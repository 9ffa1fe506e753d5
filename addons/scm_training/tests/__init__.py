from . import test_session_core

# [areas]
# [evaluation]
from . import test_evaluation_trainer
from . import test_evaluation_exam
from . import test_evaluation_summary
from . import test_evaluation_security
