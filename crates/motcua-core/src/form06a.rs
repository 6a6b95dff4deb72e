//! The table of report form Biểu II.06a (stub).
