@echo off
rem community-scheduler's command line, from the unpacked distribution: needs a Java 17 runtime, nothing else.
rem A 3 GB heap holds a city-wide week; JAVA_OPTS replaces it (set JAVA_OPTS=-Xmx8g).
setlocal
set "HOME_DIR=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
if not defined JAVA_OPTS set "JAVA_OPTS=-Xmx3g"
"%JAVA%" %JAVA_OPTS% -cp "%HOME_DIR%\lib\*" org.communityscheduler.cli.Main %*
exit /b %ERRORLEVEL%
